import { describe, expect, it } from 'vitest'
import type { AlertView } from '../../../../../src/shared/contract/alerts-calls'
import { bannerAlerts } from '../../../../../src/renderer/src/features/alerts/banner-alerts'

let nextId = 0
function alert(overrides: Partial<AlertView> = {}): AlertView {
  nextId += 1
  return {
    id: nextId,
    accountId: 'acc_a',
    accountLabel: 'A',
    kind: 'low_balance',
    severity: 'warning',
    state: 'active',
    message: 'A balance is $3.00, below your alert at $5.00.',
    firedAt: '2026-11-21T10:00:00.000Z',
    resolvedAt: null,
    snoozeUntil: null,
    snoozeUntilTopUp: false,
    dismissed: false,
    value: null,
    billingUrl: null,
    webhook: null,
    ...overrides
  }
}

describe('bannerAlerts', () => {
  const accounts = [
    { id: 'acc_a', status: 'ok' as const },
    { id: 'acc_b', status: 'provider_error' as const },
    { id: 'acc_c', status: 'auth_failed' as const }
  ]

  it('leads with the worst: a newer warning never hides older critical spend-limit alerts', () => {
    const warning = alert({ firedAt: '2026-11-21T12:00:00.000Z' })
    const criticalOld = alert({ kind: 'budget', severity: 'critical', accountId: null, firedAt: '2026-11-21T08:00:00.000Z' })
    const criticalNew = alert({ kind: 'budget', severity: 'critical', accountId: null, firedAt: '2026-11-21T09:00:00.000Z' })
    const shown = bannerAlerts([warning, criticalOld, criticalNew], {}, accounts)
    expect(shown.map((entry) => entry.id)).toEqual([criticalNew.id, criticalOld.id, warning.id])
  })

  it('drops resolved, snoozed, announcements and what the user closed', () => {
    const kept = alert()
    const closed = alert()
    const list = [alert({ state: 'resolved' }), alert({ state: 'snoozed' }), alert({ kind: 'topup_detected', severity: 'info' }), closed, kept]
    expect(bannerAlerts(list, { [closed.id]: true }, accounts)).toEqual([kept])
  })

  it('drops “Key rejected” once the card has moved on (HTTP 502), keeps it while the key is still rejected', () => {
    const movedOn = alert({ kind: 'auth_failed', severity: 'critical', accountId: 'acc_b' })
    const still = alert({ kind: 'auth_failed', severity: 'critical', accountId: 'acc_c' })
    expect(bannerAlerts([movedOn, still], {}, accounts)).toEqual([still])
  })
})
