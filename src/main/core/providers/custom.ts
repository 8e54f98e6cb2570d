import Big from 'big.js'
import { parseJsonPath, parseScale, readJsonPath, UNIT_PATTERN } from '../../../shared/custom-account'
import { emptyFacts, type BalanceFact, type LedgerFacts } from '../ledger/facts'
import { pollRelay } from './openai-compatible-relay'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse } from './provider-fault'
import { amount } from './parse'

/**
 * Custom accounts: one GET to a user-set URL with the key in a user-set header, then a JSON path to
 * the balance (and optionally to the amount used and the total), a unit and a scale. The preset
 * `openai-compatible-relay` reads new-api / one-api style relays instead, in the same unit and scale.
 */
export const customAdapter: ProviderAdapter = {
  id: 'custom',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const options = context.account.options
    const url = options.url ?? context.account.baseUrl
    if (!url) throw badResponse('missing_url', 'this custom account has no URL; add one in its settings', null)
    const headers = authHeaders(options, context.key)
    const unit = options.unit && new RegExp(`^(?:${UNIT_PATTERN})$`).test(options.unit) ? options.unit : 'USD'
    const scale = configured(() => parseScale(options.scale))
    if (options.preset === 'openai-compatible-relay') {
      return pollRelay(context, url, headers, { unit, scale, flavor: options.relayFlavor === 'one-api' ? 'one-api' : 'new-api' })
    }

    const response = await context.http.json({ url, headers })
    const facts = emptyFacts()
    const read = (path: string, kind: BalanceFact['kind']): void => {
      const steps = configured(() => parseJsonPath(path))
      const value = readJsonPath(response.json, steps)
      if (value === undefined || value === null) throw badResponse('missing_field', `nothing at JSON path “${path}”`)
      facts.balances.push({ unit, kind, amountMicros: scaled(value, path, scale), source: 'official' })
    }
    if (!options.balancePath) throw badResponse('missing_path', 'this custom account has no JSON path to the balance', null)
    read(options.balancePath, 'total')
    if (options.usedPath) read(options.usedPath, 'used')
    if (options.totalPath) read(options.totalPath, 'limit')
    return facts
  }
}

/** The key in the chosen header: `Authorization: Bearer <key>` unless told otherwise; no key, no header. */
function authHeaders(options: Record<string, string>, key: string | null): Record<string, string> {
  if (!key) return {}
  const header = (options.authHeader || 'Authorization').toLowerCase()
  const scheme = options.authScheme ?? 'Bearer'
  return { [header]: scheme === '' || scheme.toLowerCase() === 'none' ? key : `${scheme} ${key}` }
}

function scaled(value: unknown, path: string, scale: ReturnType<typeof parseScale>): number {
  if ('shift' in scale) return amount(value, path, scale.shift)
  const base = amount(value, path) // validates the number first
  return amount(new Big(base).div(new Big(scale.divisor)).div(1_000_000).toString(), path)
}

/** Account settings that cannot be read are the user's to fix, reported as such. */
function configured<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    throw badResponse('bad_settings', (error as Error).message, null)
  }
}
