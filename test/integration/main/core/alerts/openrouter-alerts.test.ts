import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'
import { ProviderSimulator } from '../../../../simulator/provider-simulator'
import { openrouterCredits, openrouterKey } from '../../../../simulator/shapes/openrouter'

/** The same low-balance story over OpenRouter's shapes, plus the provider-side key limit shown beside budgets. */
describe('alerts over a simulated OpenRouter account', () => {
  const dir = useTempDir('coffer-or-alerts-')
  let simulator: ProviderSimulator
  let core: Core
  let usage = 0

  beforeEach(async () => {
    usage = 0
    simulator = await ProviderSimulator.start()
    simulator.route('GET', '/api/v1/credits', () => openrouterCredits({ totalCredits: 20, totalUsage: usage }))
    simulator.route('GET', '/api/v1/key', () => openrouterKey({ limit: 15, limitRemaining: 15 - Math.min(usage, 15), usage }))
    simulator.route('GET', '/api/v1/activity', { body: { data: [] } })
    core = createTestCore(dir())
  })

  afterEach(async () => {
    core.close()
    await simulator.close()
  })

  it('one low_balance alert while credits are low, none after a top-up; the key limit is listed as a provider limit', async () => {
    const account = await callOk(core, 'accounts:add', {
      draft: { provider: 'openrouter', label: 'OR', baseUrl: simulator.baseUrl, options: {} },
      key: 'sk-or-v1-test-alerts-0000000000'
    })
    const poll = async (): Promise<void> => {
      await callOk(core, 'accounts:poll', { ids: [account.id] })
      await core.alerts.settle()
    }
    await poll() // $20 left: the default rule ($5) is added, nothing fires
    expect((await callOk(core, 'rules:list', { accountId: account.id }))[0]).toMatchObject({ kind: 'low_balance', below: { amount: '5', unit: 'USD' } })
    usage = 17
    await poll() // $3 left
    await poll()
    const active = (await callOk(core, 'alerts:list', {})).alerts.filter((alert) => alert.state === 'active')
    expect(active).toEqual([expect.objectContaining({ kind: 'low_balance', value: { amount: '3', unit: 'USD' } })])
    expect(active[0]?.billingUrl).toBe('https://openrouter.ai/settings/credits')

    const { providerLimits } = await callOk(core, 'budgets:list', {})
    expect(providerLimits).toEqual(
      expect.arrayContaining([expect.objectContaining({ accountId: account.id, kind: 'key_limit', amount: '15', unit: 'USD' })])
    )

    simulator.route('GET', '/api/v1/credits', () => openrouterCredits({ totalCredits: 70, totalUsage: usage }))
    await poll() // topped up: $53 left
    expect((await callOk(core, 'alerts:list', {})).alerts.filter((alert) => alert.state === 'active')).toEqual([])

    // A default rule the user deletes stays deleted.
    const [rule] = await callOk(core, 'rules:list', { accountId: account.id })
    await callOk(core, 'rules:remove', { id: rule?.id as number })
    await poll()
    expect(await callOk(core, 'rules:list', { accountId: account.id })).toEqual([])
  })
})
