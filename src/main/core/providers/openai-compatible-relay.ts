import Big from 'big.js'
import { z } from 'zod'
import type { AmountScale } from '../../../shared/custom-account'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { dayOf } from '../ledger/days'
import { addDays, startOfUtcDay } from './history-window'
import type { PollContext } from './provider-adapter'
import { amount, endpoint, numeric, parseShape } from './parse'

/** new-api reports an unlimited token as this hard limit, whatever the display unit. */
const UNLIMITED = new Big(100_000_000)
/** Days of `/usage` asked for, as one-api does (relays report the token's whole usage anyway). */
const USAGE_DAYS = 100

const subscriptionShape = z.object({ hard_limit_usd: numeric })
const usageShape = z.object({ total_usage: numeric })

/** What the relay's figures are in: the account's unit and scale (defaults USD, as is), and which software it runs. */
export interface RelayUnits {
  unit: string
  scale: AmountScale
  /** new-api's `hard_limit_usd` is remaining + used quota; one-api's is the remaining quota alone. */
  flavor?: 'new-api' | 'one-api'
}

/**
 * OpenAI-compatible relays (new-api, one-api; provider-apis.md §2.3, §21): `GET
 * {base}/v1/dashboard/billing/subscription` for `hard_limit_usd` and `/v1/dashboard/billing/usage`
 * for `total_usage` (hundredths of the same unit). Balance = hard_limit_usd − total_usage / 100 on
 * new-api, hard_limit_usd itself on one-api (whose limit is what is left). An
 * unlimited token (hard limit 100000000) has no balance: Coffer records what was used and says so.
 *
 * Despite the names, the `*_usd` fields are in the site's display unit: new-api converts quota to
 * USD, to CNY (USD × its exchange rate) or leaves raw tokens, by `QuotaDisplayType`
 * (QuantumNous/new-api controller/billing.go, GetSubscription/GetUsage), and one-api sends raw
 * quota when `DisplayInCurrencyEnabled` is off (500000 quota = $1). So the account's unit and
 * scale apply here too (issue 13.2): e.g. CNY, or USD with scale /500000.
 */
export async function pollRelay(context: PollContext, base: string, headers: Record<string, string>, units: RelayUnits): Promise<LedgerFacts> {
  const root = base.replace(/\/+$/, '').replace(/\/v1$/, '')
  const subscription = await context.http.json({ url: endpoint(root, '/v1/dashboard/billing/subscription'), headers })
  const { hard_limit_usd: hardLimit } = parseShape(subscriptionShape, subscription.json, 'relay subscription')
  const today = startOfUtcDay(context.now)
  const query = new URLSearchParams({ start_date: dayOf(addDays(today, -(USAGE_DAYS - 1))), end_date: dayOf(addDays(today, 1)) })
  const usageResponse = await context.http.json({ url: `${endpoint(root, '/v1/dashboard/billing/usage')}?${query}`, headers })
  const { total_usage: totalUsage } = parseShape(usageShape, usageResponse.json, 'relay usage')

  const unlimited = amount(hardLimit, 'hard_limit_usd') === amount(UNLIMITED.toString(), 'hard_limit_usd')
  const used = scaled(totalUsage, 'total_usage', units.scale, -2)
  const facts = emptyFacts()
  const { unit } = units
  facts.balances.push({ unit, kind: 'used', amountMicros: used, source: 'official' })
  // An unlimited token has no balance to show, only what it used (the form's note says so).
  if (unlimited) return facts
  const reported = scaled(hardLimit, 'hard_limit_usd', units.scale, 0)
  // new-api GetSubscription: quota = RemainQuota + UsedQuota; one-api GetSubscription: quota =
  // RemainQuota (or the user's remaining quota) — what is left already (controller/billing.go of each).
  const limit = units.flavor === 'one-api' ? reported + used : reported
  facts.balances.unshift({ unit, kind: 'total', amountMicros: limit - used, source: 'official' })
  facts.balances.push({ unit, kind: 'limit', amountMicros: limit, source: 'official' })
  return facts
}

/** `value` × 10^shift in the account's scale: a power-of-ten shift, or a division (one-api quota). */
function scaled(value: unknown, field: string, scale: AmountScale, shift: number): number {
  if ('shift' in scale) return amount(value, field, scale.shift + shift)
  const base = amount(value, field, shift) // validates the number first
  return amount(new Big(base).div(new Big(scale.divisor)).div(1_000_000).toString(), field)
}
