import { emptyFacts } from '../../src/main/core/ledger/facts'
import { ingestPoll } from '../../src/main/core/ledger/ingest'
import { benchCore, seedHistory } from '../fixtures'
import { round, summarize, time } from '../stats'

/**
 * One poll's ingest (balances + 20 spend lines + 10 usage lines + a raw response) as one
 * transaction with synchronous=FULL: the fsync per commit dominates.
 */
export async function benchIngest(): Promise<Record<string, unknown>> {
  const core = benchCore()
  const [id] = seedHistory(core, 1, 1, 0)
  let day = 0
  const samples = await time(() => {
    day += 1
    const at = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString()
    const facts = emptyFacts()
    facts.balances.push({ unit: 'USD', kind: 'total', amountMicros: 5_000_000, source: 'official' })
    for (let i = 0; i < 20; i += 1) facts.spend.push({ day: at.slice(0, 10), item: `item-${i}`, unit: 'USD', amountMicros: 1000 + i, source: 'official' })
    for (let i = 0; i < 10; i += 1) {
      facts.usage.push({ day: at.slice(0, 10), model: `model-${i}`, inputTokens: 1000, outputTokens: 200, cachedInputTokens: 50, cacheWriteTokens: 0, requests: 3, source: 'official' })
    }
    ingestPoll(core.context.db, { accountId: id!, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [{ method: 'GET', url: 'https://x/y', httpStatus: 200, contentType: 'application/json', body: '{"ok":true}' }] }, core.context.ingestHooks)
  }, 500)
  core.close()
  const summary = summarize(samples)
  return { ingestMs: summary, ingestsPerSecond: round(1000 / summary.p50, 0) }
}
