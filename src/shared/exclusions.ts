import type { Exclusion } from './contract/ledger-schemas'
import { formatMoney } from './money'

const REASON_TEXT: Record<Exclusion['reason'], string> = {
  no_rate: 'no exchange rate',
  no_credit_value: 'no credit value',
  not_money: 'not money'
}

/**
 * One sentence naming what a total left out, e.g. "Not counted: CN¥12.00 on DeepSeek (no exchange
 * rate), 1,200 characters on ElevenLabs (not money)."; empty when nothing was left out.
 */
export function exclusionsText(excluded: readonly Exclusion[], locale = 'en-US'): string {
  if (excluded.length === 0) return ''
  const parts = excluded.map((entry) => `${formatMoney(entry, locale)}${entry.account ? ` on ${entry.account}` : ''} (${REASON_TEXT[entry.reason]})`)
  return `Not counted: ${parts.join(', ')}.`
}

/** The distinct fixes of what a total left out, in order: each is one action for the user. */
export function exclusionFixes(excluded: readonly Exclusion[]): string[] {
  return [...new Set(excluded.map((entry) => entry.fix).filter((fix): fix is string => fix !== null))]
}
