import { describe, expect, it } from 'vitest'
import type { AccountView } from '../../../../src/shared/contract'
import { accountUnit } from '../../../../src/renderer/src/lib/account-unit'

type UnitFacts = Pick<AccountView, 'provider' | 'balances' | 'options' | 'spend' | 'pace'>
const bare: UnitFacts = { provider: 'manual', balances: [], options: {}, spend: null, pace: null }

describe('the unit the Record dialog starts with (issue 14.7)', () => {
  it('a manual credits account with nothing recorded yet: its own unit, not an empty field', () => {
    expect(accountUnit({ ...bare, options: { unit: 'credits' } })).toBe('credits')
  })

  it('the primary balance’s unit first, then the setup’s, the provider’s, the spend’s', () => {
    const balance = { unit: 'CNY', amount: '1', kind: 'total', source: 'official', asOf: '2026-12-01T00:00:00Z' } as const
    expect(accountUnit({ ...bare, provider: 'deepseek', balances: [balance], options: { unit: 'USD' } })).toBe('CNY')
    expect(accountUnit({ ...bare, provider: 'stability' })).toBe('credits')
    expect(accountUnit({ ...bare, provider: 'custom', spend: { unit: 'EUR', today: '0', monthToDate: '0' } })).toBe('EUR')
    expect(accountUnit({ ...bare, provider: 'custom' })).toBeNull()
  })
})
