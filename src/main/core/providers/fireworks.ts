import Big from 'big.js'
import { z } from 'zod'
import type { LedgerFacts } from '../ledger/facts'
import { emptyFacts } from '../ledger/facts'
import { SpendLines } from './fact-lines'
import { dayOf } from '../ledger/days'
import { addDays, rfc3339, startOfUtcDay } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, ProviderFault, quote } from './provider-fault'
import { collectPages } from './paginate'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

/** At most this many days are re-fetched after a gap (one request per day). */
const FIREWORKS_MAX_DAYS = 7

// Gateway_ListAccounts (https://docs.fireworks.ai/api-reference/list-accounts): `pageSize` up to
// 200 (default 50), `pageToken` from the previous answer's `nextPageToken` ("If this field is
// omitted, there are no subsequent pages"), `totalSize`; accounts ordered by name.
const accountsShape = z.object({
  accounts: z.array(z.object({ name: z.string(), displayName: z.string().nullable().optional() }).passthrough()).default([]),
  nextPageToken: z.string().nullable().optional()
})
const ACCOUNTS_PAGE_SIZE = '200'
/** Account ids named in the "choose one" message; the rest are counted. */
const NAMED_ACCOUNTS = 8

const moneyShape = z.object({ currencyCode: z.string().optional(), units: numeric.optional(), nanos: numeric.optional() })
const summaryShape = z.object({
  lineItems: z.array(z.object({ series: z.string().optional(), totalCost: moneyShape.nullable().optional() }).passthrough()).default([])
})

/**
 * Fireworks (provider-apis.md §12): no balance endpoint, spend only. The account comes from the
 * `accountId` option or, without it, `GET /v1/accounts` (every page; a key that sees several
 * accounts must be told which one). `billing/summary` totals a window, so Coffer asks for one
 * UTC day at a time (startTime inclusive, endTime exclusive) and stores each day's line items: today
 * on the first poll (a summary has no per-day history to backfill cheaply), then every day since the
 * last success, so a finished day is read once more after midnight.
 * Amounts are google.type.Money: units + nanos / 1e9.
 */
export const fireworksAdapter: ProviderAdapter = {
  id: 'fireworks',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = bearer(context.key)
    const accountId = context.account.options.accountId || (await discoverAccount(context, headers))
    const today = startOfUtcDay(context.now)
    const first = firstDay(today, context.lastSuccessAt)
    const spend = new SpendLines()
    for (let day = first; day <= today; day = addDays(day, 1)) {
      const query = new URLSearchParams({ startTime: rfc3339(day), endTime: rfc3339(addDays(day, 1)) })
      const url = `${endpoint(context.baseUrl, `/v1/accounts/${encodeURIComponent(accountId)}/billing/summary`)}?${query}`
      const summary = parseShape(summaryShape, (await context.http.json({ url, headers })).json, 'Fireworks billing summary')
      for (const item of summary.lineItems) {
        if (!item.totalCost) continue
        spend.add(dayOf(day), item.series ?? 'Fireworks', item.totalCost.currencyCode || 'USD', money(item.totalCost))
      }
    }
    const fetched: string[] = []
    for (let day = first; day <= today; day = addDays(day, 1)) fetched.push(dayOf(day))
    return { ...emptyFacts(), spend: spend.list(), replaceDays: { spend: fetched } }
  }
}

function firstDay(today: Date, lastSuccessAt: string | null): Date {
  const last = lastSuccessAt === null ? Number.NaN : Date.parse(lastSuccessAt)
  if (Number.isNaN(last)) return today
  const since = startOfUtcDay(new Date(last))
  return new Date(Math.min(today.getTime(), Math.max(since.getTime(), addDays(today, -(FIREWORKS_MAX_DAYS - 1)).getTime())))
}

/**
 * The one account this key sees, over every page of `GET /v1/accounts`. Several accounts are never
 * narrowed down silently (the first is not necessarily the one being paid for): the poll fails
 * with a message naming them, for the user to set the Account ID option (issue 13.7).
 */
async function discoverAccount(context: PollContext, headers: Record<string, string>): Promise<string> {
  const ids = await collectPages(async (cursor) => {
    const query = new URLSearchParams({ pageSize: ACCOUNTS_PAGE_SIZE })
    if (cursor) query.set('pageToken', cursor)
    const response = await context.http.json({ url: `${endpoint(context.baseUrl, '/v1/accounts')}?${query}`, headers })
    const page = parseShape(accountsShape, response.json, 'Fireworks accounts')
    const next = page.nextPageToken ?? ''
    return { items: page.accounts.map((account) => account.name.replace(/^accounts\//, '')), hasMore: next !== '', nextPage: next || null }
  }, 'Fireworks accounts')
  const [only, ...others] = ids
  if (!only) throw badResponse('no_account', 'Fireworks lists no account for this key; set the account id option')
  if (others.length > 0) {
    const named = ids.slice(0, NAMED_ACCOUNTS).map((id) => `“${quote(id, 64)}”`).join(', ')
    const more = ids.length > NAMED_ACCOUNTS ? ` and ${ids.length - NAMED_ACCOUNTS} more` : ''
    throw new ProviderFault(
      'bad_response',
      'several_accounts',
      `This Fireworks key can see ${ids.length} accounts (${named}${more}): set the account's Account ID option to the one to track.`,
      null
    )
  }
  return only
}

/** units + nanos/1e9, exactly (both carry the same sign). */
function money(value: z.infer<typeof moneyShape>): number {
  const units = amount(value.units ?? 0, 'units')
  const nanos = value.nanos ?? 0
  if (!/^-?\d+$/.test(String(nanos).trim())) throw badResponse('bad_amount', `nanos is not a whole number (${quote(JSON.stringify(nanos) ?? typeof nanos, 30)})`)
  return units + amount(new Big(String(nanos).trim()).div(1e9).toString(), 'nanos')
}
