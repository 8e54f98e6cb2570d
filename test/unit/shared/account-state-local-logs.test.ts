import { describe, expect, it } from 'vitest'
import { accountVerdict } from '../../../src/shared/account-state'

describe('the verdict on an account that reads local logs (issue 12)', () => {
  it('is up to date after a good read, though it has no balance or spend; not checked yet before one', () => {
    const base = { id: 'acc_claude00001', provider: 'claude-code', stale: false, balances: [], spend: null }
    expect(accountVerdict({ ...base, status: 'ok' })).toMatchObject({ state: 'ok' })
    expect(accountVerdict({ ...base, provider: 'codex', status: 'ok' })).toMatchObject({ state: 'ok' })
    expect(accountVerdict({ ...base, status: 'never_polled' })).toMatchObject({ state: 'no_data' })
    expect(accountVerdict({ ...base, status: 'unreachable' })).toMatchObject({ state: 'error' })
  })
})
