import { describe, expect, it } from 'vitest'
import { alertKinds } from '../../../../../src/shared/alerts'
import { snoozeChoicesFor } from '../../../../../src/renderer/src/features/alerts/snooze-choices'

describe('snooze choices (issue 14.7)', () => {
  it('offers "Until top-up" only where a top-up ends the alert', () => {
    const offered = Object.fromEntries(alertKinds.map((kind) => [kind, snoozeChoicesFor(kind)]))
    expect(offered).toEqual({
      low_balance: ['1h', '1d', 'until_topup'],
      runway: ['1h', '1d', 'until_topup'],
      expiring_credit: ['1h', '1d', 'until_topup'],
      // A spend limit is not lifted by buying credit, nor is a rejected key.
      budget: ['1h', '1d'],
      auth_failed: ['1h', '1d'],
      topup_detected: ['1h', '1d']
    })
  })
})
