import { describe, expect, it } from 'vitest'
import {
  accountLine,
  accountTrayState,
  buildTrayModel,
  MAX_TOOLTIP_LENGTH,
  MAX_TRAY_ACCOUNTS,
  menuLabel
} from '../../../../src/main/shell/tray-model'
import type { AccountStatus } from '../../../../src/shared/account-status'
import type { AccountView } from '../../../../src/shared/contract/schemas'

let next = 0
function account(overrides: Partial<AccountView> = {}): AccountView {
  next += 1
  return {
    id: `acc_${String(next).padStart(10, '0')}`,
    provider: 'openrouter',
    label: `Account ${next}`,
    baseUrl: null,
    baseUrlOverridden: false,
    options: {},
    pollIntervalMinutes: 15,
    hasKey: true,
    keyHint: 'sk-…abcd',
    status: 'ok',
    stale: false,
    polling: false,
    lastPolledAt: '2026-11-21T10:00:00.000Z',
    lastSuccessAt: '2026-11-21T10:00:00.000Z',
    error: null,
    balances: [{ unit: 'USD', amount: '12.4', kind: 'total', source: 'official', asOf: '2026-11-21T10:00:00.000Z' }],
    spend: null,
    runwayDays: null,
    billingUrl: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides
  }
}

describe('accountLine', () => {
  it('shows the primary (first) balance formatted as money', () => {
    const line = accountLine(
      account({
        label: 'OpenRouter',
        balances: [
          { unit: 'USD', amount: '12.4', kind: 'total', source: 'official', asOf: '2026-11-21T10:00:00.000Z' },
          { unit: 'USD', amount: '99', kind: 'granted', source: 'official', asOf: '2026-11-21T10:00:00.000Z' }
        ]
      }),
      'en-US'
    )
    expect(line).toBe('OpenRouter — $12.40')
  })

  it('shows the status instead of a figure when the last poll failed', () => {
    expect(accountLine(account({ label: 'DS', status: 'auth_failed' }), 'en-US')).toBe('DS — Key rejected')
    expect(accountLine(account({ label: 'DS', status: 'unreachable', stale: true }), 'en-US')).toBe('DS — Provider unreachable')
    expect(accountLine(account({ label: 'New', status: 'never_polled', balances: [] }), 'en-US')).toBe('New — Not checked yet')
  })

  it('says so when a healthy account publishes no balance', () => {
    const spend = { unit: 'USD', today: '1', monthToDate: '3.25' }
    expect(accountLine(account({ label: 'Spend only', balances: [], spend }), 'en-US')).toBe('Spend only — No balance published')
  })

  it('says “No data yet” for an account with nothing recorded (a new manual account), not a blank “ok”', () => {
    expect(accountLine(account({ label: 'GPTBots', provider: 'manual', balances: [], spend: null }), 'en-US')).toBe('GPTBots — No data yet')
    // Recorded by hand and never "checked" (nothing to ask): the figure is shown.
    expect(accountLine(account({ label: 'Cash', provider: 'manual', status: 'never_polled' }), 'en-US')).toBe('Cash — $12.40')
  })

  it('adds the worst open alert’s reason in the card’s words', () => {
    const a = account({ label: 'DS' })
    const low = { accountId: a.id, kind: 'low_balance' as const, severity: 'warning' as const, state: 'active' as const, firedAt: '2026-11-21T10:00:00.000Z', message: 'DS balance is $12.40, below your alert at $20.00.' }
    expect(accountLine(a, 'en-US', [low])).toBe('DS — $12.40 · Below your $20.00 alert')
    expect(accountTrayState(a, [low])).toBe('warning')
  })
})

describe('accountTrayState', () => {
  it.each<[AccountStatus, boolean, string]>([
    ['ok', false, 'ok'],
    ['never_polled', false, 'ok'],
    ['ok', false, 'ok'],
    ['ok', true, 'warning'],
    ['rate_limited', false, 'warning'],
    ['unreachable', true, 'warning'],
    ['provider_error', false, 'warning'],
    ['bad_response', false, 'warning'],
    ['auth_failed', false, 'critical'],
    ['keychain_unavailable', true, 'critical']
  ])('%s (stale=%s) → %s', (status, stale, expected) => {
    expect(accountTrayState(account({ status, stale }))).toBe(expected)
  })
})

describe('buildTrayModel', () => {
  it('lists accounts, then Refresh, Open Coffer and Quit', () => {
    const model = buildTrayModel([account({ label: 'A' }), account({ label: 'B', status: 'rate_limited' })], { locale: 'en-US' })
    expect(model.items.map((item) => (item.kind === 'separator' ? '---' : item.label))).toEqual([
      'A — $12.40',
      'B — Rate limited by the provider',
      '---',
      'Refresh',
      'Open Coffer',
      '---',
      'Quit Coffer'
    ])
    expect(model.items.filter((item) => item.kind === 'action').map((item) => item.kind === 'action' && item.action)).toEqual([
      'refresh',
      'open',
      'quit'
    ])
  })

  it('takes the worst state for the icon: critical over warning over ok', () => {
    expect(buildTrayModel([account(), account()]).icon).toBe('ok')
    expect(buildTrayModel([account(), account({ stale: true })]).icon).toBe('warning')
    expect(buildTrayModel([account({ status: 'unreachable' }), account({ status: 'keychain_unavailable' })]).icon).toBe('critical')
  })

  it('lets signals (alerts) raise the icon and join the tooltip, never lower it', () => {
    const raised = buildTrayModel([account()], { signals: [{ level: 'warning', text: 'OpenRouter below $5' }] })
    expect(raised.icon).toBe('warning')
    expect(raised.tooltip).toContain('OpenRouter below $5')
    const still = buildTrayModel([account({ status: 'auth_failed' })], { signals: [{ level: 'warning', text: 'x' }] })
    expect(still.icon).toBe('critical')
  })

  it('summarises in the tooltip and keeps it within Windows’ 127 characters', () => {
    const model = buildTrayModel([account({ status: 'auth_failed' }), account({ stale: true }), account()])
    expect(model.tooltip).toBe('Coffer — 3 accounts · 1 needs your attention · 1 out of date')
    const long = buildTrayModel([account()], { signals: [{ level: 'critical', text: 'x'.repeat(300) }] })
    expect(long.tooltip.length).toBe(MAX_TOOLTIP_LENGTH)
    expect(long.tooltip.endsWith('…')).toBe(true)
  })

  it('teaches when there are no accounts', () => {
    const model = buildTrayModel([])
    expect(model.icon).toBe('ok')
    expect(model.tooltip).toBe('Coffer — 0 accounts')
    expect(model.items[0]).toEqual({ kind: 'note', label: 'No accounts yet' })
  })

  it('caps long account lists with an "…and N more" line', () => {
    const many = Array.from({ length: MAX_TRAY_ACCOUNTS + 3 }, () => account())
    const model = buildTrayModel(many)
    expect(model.items.filter((item) => item.kind === 'account')).toHaveLength(MAX_TRAY_ACCOUNTS)
    expect(model.items).toContainEqual({ kind: 'note', label: '…and 3 more' })
  })
})

describe('menuLabel', () => {
  it('doubles & on Windows and Linux so it is not read as a mnemonic', () => {
    expect(menuLabel('R&D — $1.00', 'win32')).toBe('R&&D — $1.00')
    expect(menuLabel('R&D', 'linux')).toBe('R&&D')
    expect(menuLabel('R&D', 'darwin')).toBe('R&D')
  })
})

describe('buildTrayModel with alerts and budgets', () => {
  const alert = (accountId: string | null, severity: 'info' | 'warning' | 'critical', state: 'active' | 'snoozed' | 'resolved' = 'active') => ({
    accountId,
    severity,
    state,
    kind: 'budget' as const,
    message: 'DeepSeek: spent $60.00 today of your $50.00 limit (120 %, warning at 100 %).',
    firedAt: '2026-11-21T10:00:00.000Z'
  })

  it('raises the icon and the account to the worst active alert; snoozed, resolved and info alerts do not count', () => {
    const a = account({ label: 'DeepSeek', billingUrl: 'https://platform.deepseek.com/top_up' })
    const b = account({ label: 'OpenRouter' })
    const quiet = buildTrayModel([a, b], { alerts: { alerts: [alert(a.id, 'critical', 'snoozed'), alert(b.id, 'info'), alert(a.id, 'warning', 'resolved')], budgets: [] } })
    expect(quiet.icon).toBe('ok')
    const model = buildTrayModel([a, b], { alerts: { alerts: [alert(a.id, 'warning'), alert(b.id, 'critical')], budgets: [] } })
    expect(model.icon).toBe('critical')
    const accounts = model.items.filter((item) => item.kind === 'account')
    expect(accounts.map((item) => item.kind === 'account' && item.state)).toEqual(['warning', 'critical'])
    expect(model.tooltip).toContain('2 alerts')
    const warnOnly = buildTrayModel([a], { alerts: { alerts: [alert(a.id, 'warning')], budgets: [] } })
    expect(warnOnly.icon).toBe('warning')
    expect(warnOnly.tooltip).toContain('1 alert')
  })

  it('a global alert (a spend limit over every account) raises the icon too', () => {
    const model = buildTrayModel([account()], { alerts: { alerts: [alert(null, 'critical')], budgets: [] } })
    expect(model.icon).toBe('critical')
  })

  it('lists spend against the limit beside the balance, with the top-up link', () => {
    const a = account({ label: 'DeepSeek', billingUrl: 'https://platform.deepseek.com/top_up' })
    const b = account({ label: 'Hostile', billingUrl: 'javascript:alert(1)' })
    const budgets = [
      { accountId: a.id, period: 'day' as const, limit: { amount: '50', unit: 'USD' }, spent: '30', percent: 60, approximate: false, excluded: [] },
      { accountId: a.id, period: 'month' as const, limit: { amount: '500', unit: 'USD' }, spent: '100', percent: 20, approximate: false, excluded: [] },
      { accountId: null, period: 'month' as const, limit: { amount: '1000', unit: 'USD' }, spent: '250', percent: 25, approximate: false, excluded: [] }
    ]
    const model = buildTrayModel([a, b], { locale: 'en-US', alerts: { alerts: [], budgets } })
    const [first, second] = model.items.filter((item) => item.kind === 'account')
    expect(first).toMatchObject({ label: 'DeepSeek — $12.40 · $30.00 of $50.00 today', topUpUrl: 'https://platform.deepseek.com/top_up' })
    expect(second).toMatchObject({ label: 'Hostile — $12.40', topUpUrl: null })
    expect(model.items).toContainEqual({ kind: 'note', label: 'All accounts — $250.00 of $1,000.00 this month' })
    // A converted global figure says so, and names what it could not convert.
    const mixed = [
      {
        ...budgets[2]!,
        approximate: true,
        excluded: [{ accountId: 'acc_x', account: 'X', unit: 'CNY', amount: '7', reason: 'no_rate' as const, fix: null }]
      }
    ]
    expect(buildTrayModel([a], { locale: 'en-US', alerts: { alerts: [], budgets: mixed } }).items).toContainEqual({
      kind: 'note',
      label: 'All accounts — ≈ $250.00 of $1,000.00 this month (+ CN¥7.00 not counted)'
    })
    expect(model.items.filter((item) => item.kind === 'action').map((item) => item.label)).toEqual(['Refresh', 'Open Coffer', 'Quit Coffer'])
  })
})
