import { describe, expect, it } from 'vitest'
import { notificationsFor } from '../../../../src/main/shell/alert-notification-model'
import type { AlertView } from '../../../../src/shared/contract/alerts-calls'

function alert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: 1,
    accountId: 'acc_aaaaaaaaaa',
    accountLabel: 'DeepSeek',
    kind: 'low_balance',
    severity: 'warning',
    state: 'active',
    message: 'DeepSeek balance is ¥20.00, below your alert at ¥50.00.',
    firedAt: '2026-03-10T10:00:00.000Z',
    resolvedAt: null,
    snoozeUntil: null,
    snoozeUntilTopUp: false,
    dismissed: false,
    value: { amount: '20', unit: 'CNY' },
    billingUrl: 'https://platform.deepseek.com/top_up',
    webhook: null,
    ...overrides
  }
}

describe('notificationsFor', () => {
  it('a low balance opens the top-up page when clicked', () => {
    expect(notificationsFor({ alerts: [alert()], summary: null })).toEqual([
      {
        title: 'Low balance — DeepSeek',
        body: 'DeepSeek balance is ¥20.00, below your alert at ¥50.00.',
        target: { kind: 'top-up', url: 'https://platform.deepseek.com/top_up' }
      }
    ])
  })

  it('a rejected key or a budget opens Coffer; a hostile billing URL is never a target', () => {
    const [auth, budget, hostile] = notificationsFor({
      alerts: [alert({ kind: 'auth_failed' }), alert({ kind: 'budget', accountId: null, accountLabel: null }), alert({ billingUrl: 'javascript:alert(1)' })],
      summary: null
    })
    expect(auth?.target).toEqual({ kind: 'open-window', accountId: 'acc_aaaaaaaaaa' })
    expect(budget).toMatchObject({ title: 'Spend limit', target: { kind: 'open-window', accountId: null } })
    expect(hostile?.target).toEqual({ kind: 'open-window', accountId: 'acc_aaaaaaaaaa' })
  })

  it('a burst becomes one summary notification', () => {
    const list = notificationsFor({ alerts: [alert(), alert({ id: 2 }), alert({ id: 3 }), alert({ id: 4 })], summary: '4 Coffer alerts need your attention' })
    expect(list).toEqual([{ title: 'Coffer', body: '4 Coffer alerts need your attention', target: { kind: 'open-window', accountId: null } }])
  })
})
