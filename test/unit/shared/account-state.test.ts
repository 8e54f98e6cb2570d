import { describe, expect, it } from 'vitest'
import { accountVerdict, alertWords, compareAlerts, type AccountStateAccount, type AccountStateAlert } from '../../../src/shared/account-state'

const balance = [{ unit: 'USD', amount: '3.00' }]
function account(overrides: Partial<AccountStateAccount> = {}): AccountStateAccount {
  return { id: 'acc_a', status: 'ok', stale: false, balances: balance, spend: null, ...overrides }
}
let nextId = 0
function alert(overrides: Partial<AccountStateAlert> = {}): AccountStateAlert {
  nextId += 1
  return {
    id: nextId,
    accountId: 'acc_a',
    kind: 'low_balance',
    severity: 'warning',
    state: 'active',
    message: 'DeepSeek balance is $3.00, below your alert at $5.00.',
    firedAt: '2026-11-21T10:00:00.000Z',
    ...overrides
  }
}
const runway = alert({ kind: 'runway', message: 'DeepSeek runs out in about 3 days at the recent rate (your alert: 7 days).' })
const budget100 = alert({ kind: 'budget', severity: 'critical', message: 'DeepSeek: spent $52.00 today of your $50.00 limit (104 %, warning at 100 %). Coffer can’t stop spending; it warns you.' })
const keyRejected = alert({ kind: 'auth_failed', severity: 'critical', message: 'The provider rejected the key of DeepSeek. Replace it in Coffer.' })

describe('accountVerdict', () => {
  it.each<[string, AccountStateAccount, AccountStateAlert[], string, string]>([
    ['fresh figures, no alert', account(), [], 'ok', 'Up to date'],
    ['spend only (OpenAI: no balance published)', account({ balances: [], spend: { unit: 'USD' } }), [], 'ok', 'Up to date'],
    ['below the low-balance line', account(), [alert()], 'warning', 'Below your $5.00 alert'],
    ['runway alert', account(), [runway], 'warning', 'Runs out in about 3 days'],
    ['no credit left is critical', account(), [alert({ severity: 'critical', message: 'DeepSeek has no credit left ($0.00). Top up to keep using it.' })], 'critical', 'No credit left'],
    ['critical beats warning, whatever the order', account(), [alert(), budget100], 'critical', '104 % of a spend limit'],
    ['another account’s alert does not count', account(), [alert({ accountId: 'acc_b' })], 'ok', 'Up to date'],
    ['a snoozed alert does not colour the card', account(), [alert({ state: 'snoozed' })], 'ok', 'Up to date'],
    ['a resolved alert does not colour the card', account(), [alert({ state: 'resolved' })], 'ok', 'Up to date'],
    ['an announcement (top-up) is not a warning', account(), [alert({ kind: 'topup_detected', severity: 'info' })], 'ok', 'Up to date'],
    ['key rejected', account({ status: 'auth_failed', stale: true }), [keyRejected], 'critical', 'Key rejected'],
    ['key rejected before its alert is listed', account({ status: 'auth_failed', stale: true }), [], 'error', 'Key rejected'],
    ['keychain locked', account({ status: 'keychain_unavailable' }), [alert()], 'error', 'Keychain unavailable'],
    ['a transient failure keeps old figures: stale', account({ status: 'provider_error', stale: true }), [], 'stale', 'Provider reported an error'],
    ['a transient failure with nothing recorded: error', account({ status: 'unreachable', balances: [] }), [], 'error', 'Provider unreachable'],
    ['a low balance outranks old figures', account({ status: 'unreachable', stale: true }), [alert()], 'warning', 'Below your $5.00 alert'],
    ['stale with an ok status', account({ stale: true }), [], 'stale', 'Out of date'],
    ['never checked', account({ status: 'never_polled', balances: [] }), [], 'no_data', 'Not checked yet'],
    ['a manual account with nothing recorded', account({ provider: 'manual', balances: [], spend: null }), [], 'no_data', 'No data yet'],
    ['a manual account never “checked”, nothing recorded', account({ provider: 'manual', status: 'never_polled', balances: [] }), [], 'no_data', 'No data yet'],
    ['a manual account never “checked”, a balance recorded', account({ provider: 'manual', status: 'never_polled' }), [], 'ok', 'Up to date']
  ])('%s', (_name, input, alerts, state, words) => {
    expect(accountVerdict(input, alerts)).toMatchObject({ state, words })
  })

  it('says the whole sentence behind an alert’s words', () => {
    expect(accountVerdict(account(), [runway]).detail).toBe(runway.message)
    expect(accountVerdict(account()).detail).toBeNull()
  })

  it('the newest alert wins between equals', () => {
    const older = alert({ firedAt: '2026-11-20T10:00:00.000Z' })
    const newer = { ...runway, firedAt: '2026-11-21T11:00:00.000Z' }
    expect(accountVerdict(account(), [older, newer]).words).toBe('Runs out in about 3 days')
  })
})

describe('alertWords', () => {
  it('falls back to the kind when the sentence has another shape', () => {
    expect(alertWords({ kind: 'low_balance', message: 'something else' })).toBe('Low balance')
    expect(alertWords({ kind: 'runway', message: 'something else' })).toBe('Running out soon')
    expect(alertWords({ kind: 'expiring_credit', message: '$4.00 of X credit expires by 2026-12-01. Use it or lose it.' })).toBe('Credit expires by 2026-12-01')
  })
})

describe('compareAlerts', () => {
  it('orders by severity, then recency', () => {
    const list = [
      { id: 1, severity: 'warning' as const, firedAt: '2026-11-21T12:00:00.000Z' },
      { id: 2, severity: 'critical' as const, firedAt: '2026-11-20T10:00:00.000Z' },
      { id: 3, severity: 'critical' as const, firedAt: '2026-11-21T10:00:00.000Z' },
      { id: 4, severity: 'info' as const, firedAt: '2026-11-22T10:00:00.000Z' }
    ]
    expect([...list].sort(compareAlerts).map((entry) => entry.id)).toEqual([3, 2, 1, 4])
  })
})
