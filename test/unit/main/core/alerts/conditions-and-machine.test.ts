import { describe, expect, it } from 'vitest'
import { stepAlert, type MachineContext } from '../../../../../src/main/core/alerts/alert-machine'
import type { AccountFacts, OpenAlert, RuleRecord } from '../../../../../src/main/core/alerts/alert-model'
import type { ApproxMoney } from '../../../../../src/shared/contract/ledger-schemas'
import { authCondition, budgetConditions, expiringCondition, lowBalanceCondition, runwayCondition } from '../../../../../src/main/core/alerts/conditions'

const NOW = new Date('2026-03-10T10:00:00Z')

function facts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    accountId: 'acc_aaaaaaaaaa',
    label: 'Main',
    provider: 'openrouter',
    autoReload: false,
    status: 'ok',
    balances: [{ unit: 'USD', kind: 'total', amountMicros: 10_000_000 }],
    runwayDays: null,
    lots: [],
    ...overrides
  }
}

function rule(overrides: Partial<RuleRecord> = {}): RuleRecord {
  return { id: 1, accountId: 'acc_aaaaaaaaaa', kind: 'low_balance', thresholdMicros: 5_000_000, unit: null, days: null, enabled: true, webhookUrl: null, webhookFormat: 'auto', webhookAllowLocal: false, ...overrides }
}

const usd = (amount: number) => [{ unit: 'USD', kind: 'total' as const, amountMicros: amount * 1_000_000 }]

describe('lowBalanceCondition', () => {
  it('is on below the line, held within 10 % above it, off beyond', () => {
    expect(lowBalanceCondition(rule(), facts({ balances: usd(4.99) })).state).toBe('on')
    expect(lowBalanceCondition(rule(), facts({ balances: usd(5) })).state).toBe('hold')
    expect(lowBalanceCondition(rule(), facts({ balances: usd(5.49) })).state).toBe('hold')
    expect(lowBalanceCondition(rule(), facts({ balances: usd(5.5) })).state).toBe('off')
  })

  it('offers top-up clearing only when back at or above the line within the margin', () => {
    expect(lowBalanceCondition(rule(), facts({ balances: usd(5.2) })).clearsOnTopUp).toEqual({ minRiseMicros: 500_000 })
    expect(lowBalanceCondition(rule(), facts({ balances: usd(4.9) })).clearsOnTopUp).toBeNull()
    expect(lowBalanceCondition(rule(), facts({ balances: usd(6) })).clearsOnTopUp).toBeNull()
  })

  it('is critical at zero, says so, and formats the figures', () => {
    const zero = lowBalanceCondition(rule(), facts({ balances: usd(0) }))
    expect(zero).toMatchObject({ state: 'on', severity: 'critical', valueMicros: 0, unit: 'USD' })
    expect(zero.message).toContain('no credit left')
    expect(lowBalanceCondition(rule(), facts({ balances: usd(3) })).message).toBe('Main balance is $3.00, below your alert at $5.00.')
  })

  it('watches the rule’s unit, falls back to the key limit left, holds when nothing is known', () => {
    const mixed = facts({ balances: [{ unit: 'CNY', kind: 'total', amountMicros: 1_000_000 }, { unit: 'USD', kind: 'total', amountMicros: 9_000_000 }] })
    expect(lowBalanceCondition(rule({ unit: 'USD' }), mixed).state).toBe('off')
    expect(lowBalanceCondition(rule({ unit: 'CNY' }), mixed).state).toBe('on')
    const keyOnly = facts({ balances: [{ unit: 'USD', kind: 'key_limit_remaining', amountMicros: 1_000_000 }] })
    expect(lowBalanceCondition(rule(), keyOnly).state).toBe('on')
    expect(lowBalanceCondition(rule(), facts({ balances: [] })).state).toBe('hold')
  })

  it('never alarms for auto-reload accounts', () => {
    expect(lowBalanceCondition(rule(), facts({ autoReload: true, balances: usd(0) })).state).toBe('off')
  })
})

describe('other conditions', () => {
  it('runway: on under N days, off past the margin, held when unknown', () => {
    const r = rule({ kind: 'runway', thresholdMicros: null, days: 7 })
    expect(runwayCondition(r, facts({ runwayDays: 6.9 })).state).toBe('on')
    expect(runwayCondition(r, facts({ runwayDays: 7.5 })).state).toBe('hold')
    expect(runwayCondition(r, facts({ runwayDays: 7.7 })).state).toBe('off')
    expect(runwayCondition(r, facts({ runwayDays: null })).state).toBe('hold')
    expect(runwayCondition(r, facts({ runwayDays: 0.5 })).severity).toBe('critical')
  })

  it('expiring credit: on while a lot expires within N days', () => {
    const r = rule({ kind: 'expiring_credit', thresholdMicros: null, days: 30 })
    const soon = { unit: 'USD', amountMicros: 20_000_000, expiresAt: '2026-03-20T00:00:00Z' }
    const later = { unit: 'USD', amountMicros: 20_000_000, expiresAt: '2026-06-20T00:00:00Z' }
    const on = expiringCondition(r, facts({ lots: [soon, later] }), NOW)
    expect(on).toMatchObject({ state: 'on', valueMicros: 20_000_000 })
    expect(on.message).toContain('$20.00 of Main credit expires by 2026-03-20')
    expect(expiringCondition(r, facts({ lots: [later] }), NOW).state).toBe('off')
  })

  it('a rejected key is on, a good poll or any other answer clears it, no answer holds', () => {
    expect(authCondition(facts({ status: 'auth_failed' }))).toMatchObject({ state: 'on', severity: 'critical', key: 'auth:acc_aaaaaaaaaa' })
    expect(authCondition(facts({ status: 'ok' })).state).toBe('off')
    // The card has moved on to "HTTP 502": the banner must not keep saying "Key rejected".
    expect(authCondition(facts({ status: 'provider_error' })).state).toBe('off')
    expect(authCondition(facts({ status: 'rate_limited' })).state).toBe('off')
    expect(authCondition(facts({ status: 'unreachable' })).state).toBe('hold')
    expect(authCondition(facts({ status: 'keychain_unavailable' })).state).toBe('hold')
  })

  it('budgets: only the highest threshold reached is on; the key carries the window', () => {
    const budget = { id: 3, accountId: null, period: 'month' as const, limitMicros: 100_000_000, unit: 'USD', thresholds: [50, 80, 100], webhookUrl: null, webhookFormat: 'auto' as const, webhookAllowLocal: false }
    const window = { start: '2026-03-01', end: '2026-04-01' }
    const usd = (amount: string, excluded: ApproxMoney['excluded'] = []): ApproxMoney => ({ amount, unit: 'USD', approximate: false, missingRates: [], excluded, rates: [] })
    const states = budgetConditions(budget, usd('85'), window, 'All accounts').map((c) => [c.key, c.state, c.severity])
    expect(states).toEqual([
      ['budget:3:2026-03-01:50', 'off', 'warning'],
      ['budget:3:2026-03-01:80', 'on', 'warning'],
      ['budget:3:2026-03-01:100', 'off', 'critical']
    ])
    // A provider revising spend down to just under 80 % holds the 80 % alert (hysteresis).
    expect(budgetConditions(budget, usd('75'), window, 'x')[1]?.state).toBe('hold')
    expect(budgetConditions(budget, usd('70'), window, 'x')[1]?.state).toBe('off')
    expect(budgetConditions(budget, usd('85'), window, 'All accounts')[1]?.message).toContain('Coffer can’t stop spending; it warns you.')
    // Spend the limit could not convert is named in the alert, never silently left out.
    const leftOut = usd('85', [{ accountId: 'acc_ds', account: 'DeepSeek', unit: 'CNY', amount: '12', reason: 'no_rate', fix: 'Set a rate.' }])
    expect(budgetConditions(budget, leftOut, window, 'All accounts')[1]?.message).toContain('Not counted: CN¥12.00 on DeepSeek (no exchange rate).')
  })
})

describe('stepAlert (the state machine)', () => {
  const context = (toppedUp = false): MachineContext => ({ now: NOW, toppedUpSince: () => toppedUp })
  const condition = (state: 'on' | 'off' | 'hold') => ({ ...lowBalanceCondition(rule(), facts()), state })
  const open = (overrides: Partial<OpenAlert> = {}): OpenAlert => ({
    id: 9,
    key: 'rule:1',
    accountId: 'acc_aaaaaaaaaa',
    kind: 'low_balance',
    state: 'active',
    severity: 'warning',
    firedAt: '2026-03-10T08:00:00Z',
    snoozeUntil: null,
    snoozeUntilTopUp: false,
    snoozedAt: null,
    latched: false,
    ...overrides
  })

  it('fires only when nothing is open', () => {
    expect(stepAlert(undefined, condition('on'), context())).toEqual({ type: 'fire' })
    expect(stepAlert(undefined, condition('hold'), context())).toEqual({ type: 'none' })
    expect(stepAlert(open(), condition('on'), context())).toEqual({ type: 'update' })
  })

  it('resolves on off, or when the condition is gone', () => {
    expect(stepAlert(open(), condition('off'), context())).toEqual({ type: 'resolve' })
    expect(stepAlert(open(), null, context())).toEqual({ type: 'resolve' })
    expect(stepAlert(open(), condition('hold'), context())).toEqual({ type: 'update' })
  })

  it('wakes a snoozed alert when its time is up or, for until-top-up, after a top-up', () => {
    expect(stepAlert(open({ state: 'snoozed', snoozeUntil: '2026-03-10T09:59:59Z' }), condition('on'), context())).toEqual({ type: 'wake' })
    expect(stepAlert(open({ state: 'snoozed', snoozeUntil: '2026-03-10T10:00:01Z' }), condition('on'), context())).toEqual({ type: 'update' })
    const untilTopUp = open({ state: 'snoozed', snoozeUntilTopUp: true, snoozedAt: '2026-03-10T09:00:00Z' })
    expect(stepAlert(untilTopUp, condition('on'), context(false))).toEqual({ type: 'update' })
    expect(stepAlert(untilTopUp, condition('on'), context(true))).toEqual({ type: 'wake' })
    expect(stepAlert(untilTopUp, condition('off'), context(false))).toEqual({ type: 'resolve' })
  })

  it('inside the margin, a top-up since the alert fired clears it; anything else holds', () => {
    const back = { ...condition('hold'), clearsOnTopUp: { minRiseMicros: 500_000 } }
    const seen: unknown[] = []
    const spy: MachineContext = { now: NOW, toppedUpSince: (...args) => (seen.push(args), true) }
    expect(stepAlert(open(), back, spy)).toEqual({ type: 'resolve' })
    expect(seen).toEqual([['acc_aaaaaaaaaa', '2026-03-10T08:00:00Z', 500_000]])
    expect(stepAlert(open(), back, context(false))).toEqual({ type: 'update' })
    expect(stepAlert(open(), condition('hold'), context(true))).toEqual({ type: 'update' })
  })

  it('a dismissed (latched) alert never fires again until its condition clears', () => {
    const latched = open({ state: 'resolved', latched: true })
    expect(stepAlert(latched, condition('on'), context())).toEqual({ type: 'none' })
    expect(stepAlert(latched, condition('hold'), context())).toEqual({ type: 'none' })
    expect(stepAlert(latched, condition('off'), context())).toEqual({ type: 'unlatch' })
  })
})
