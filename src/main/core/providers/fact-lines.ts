import type { FactSource } from '../../../shared/balance-kinds'
import type { Micros, Unit } from '../../../shared/money'
import type { SpendFact, UsageFact } from '../ledger/facts'

/**
 * Collects spend lines keyed by (day, item, unit), summing rows a provider splits further than
 * Coffer keeps (several projects or endpoints of one model): one line per key, like the ledger.
 */
export class SpendLines {
  private readonly lines = new Map<string, SpendFact>()

  constructor(private readonly source: FactSource = 'official') {}

  add(day: string, item: string, unit: Unit, amountMicros: Micros): void {
    const key = JSON.stringify([day, item, unit])
    const line = this.lines.get(key)
    if (line) line.amountMicros += amountMicros
    else this.lines.set(key, { day, item, unit, amountMicros, source: this.source })
  }

  list(): SpendFact[] {
    return [...this.lines.values()]
  }
}

/** Token counts of one row, before summing. */
export type UsageCounts = Pick<UsageFact, 'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'cacheWriteTokens' | 'requests'>

/** Collects usage lines keyed by (day, model), summing split rows. */
export class UsageLines {
  private readonly lines = new Map<string, UsageFact>()

  constructor(private readonly source: FactSource = 'official') {}

  add(day: string, model: string, counts: UsageCounts): void {
    const key = JSON.stringify([day, model])
    const line = this.lines.get(key)
    if (!line) {
      this.lines.set(key, { day, model, ...counts, source: this.source })
      return
    }
    line.inputTokens += counts.inputTokens
    line.outputTokens += counts.outputTokens
    line.cachedInputTokens += counts.cachedInputTokens
    line.cacheWriteTokens += counts.cacheWriteTokens
    line.requests += counts.requests
  }

  list(): UsageFact[] {
    return [...this.lines.values()]
  }
}
