import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InvalidCatalogError, loadBundledCatalog, mergePlans, parseCatalog } from '../../../../../src/main/core/plans/catalog'
import { plan } from './plan-fixtures'

const bundled = JSON.parse(readFileSync('resources/plans/catalog.json', 'utf8')) as { plans: Record<string, unknown>[] } & Record<string, unknown>

describe('plan catalog', () => {
  it('ships a valid catalog seeded from the seeds and the common alternatives', () => {
    const ids = loadBundledCatalog().plans.map((p) => p.id)
    expect(ids).toEqual(
      expect.arrayContaining(['gptbots-hobby', 'gptbots-growth', 'gptbots-standard', 'gptbots-pro', 'chatgpt-plus', 'chatgpt-pro', 'openai-api', 'operator-ai', 'claude-pro', 'claude-max', 'anthropic-api', 'openrouter-payg'])
    )
  })

  it('never invents prices the sources do not give', () => {
    const byId = new Map(loadBundledCatalog().plans.map((p) => [p.id, p]))
    for (const id of ['gptbots-growth', 'gptbots-standard', 'gptbots-pro']) {
      const p = byId.get(id)
      expect(p?.billing.map((b) => b.price)).toEqual([null, null])
      expect(p?.credits).toMatchObject({ perUsd: 100, includedPerMonth: null })
      expect(p?.topUps).toEqual([expect.objectContaining({ credits: 1000, price: '10', validityMonths: 36 })])
    }
    expect(byId.get('chatgpt-plus')).toMatchObject({ includesApiUsage: false, billing: [{ period: 'month', price: '20', currency: 'USD' }] })
    expect(byId.get('chatgpt-pro')?.billing[0]?.price).toBeNull()
    expect(byId.get('operator-ai')?.topUps[0]).toMatchObject({ validityMonths: null, price: null })
    for (const id of ['claude-pro', 'claude-max', 'operator-ai']) expect(byId.get(id)?.billing[0]?.price).toBeNull()
  })

  it('names the installed pricing dataset version (update publishedAt when upgrading it)', () => {
    const installed = JSON.parse(readFileSync('node_modules/@pydantic/genai-prices/package.json', 'utf8')) as { version: string }
    expect(loadBundledCatalog().pricingDataset.version).toBe(installed.version)
  })

  it('rejects an invalid catalog with a message naming the field', () => {
    const broken = structuredClone(bundled)
    ;(broken.plans[4] as Record<string, unknown>).billing = [{ period: 'month', price: '-20' }]
    delete broken.plans[0]?.asOf
    expect(() => parseCatalog(broken)).toThrow(InvalidCatalogError)
    try {
      parseCatalog(broken)
    } catch (error) {
      expect((error as Error).message).toContain('plans.0.asOf')
      expect((error as Error).message).toContain('plans.4.billing.0.price: Enter a price such as 20 or 9.99')
      expect((error as Error).message).toContain('resources/plans/catalog.json')
    }
  })

  it('rejects duplicate ids, pay-as-you-go plans without pricing and subscriptions without billing', () => {
    const dup = structuredClone(bundled)
    dup.plans.push(structuredClone(dup.plans[0] as Record<string, unknown>))
    expect(() => parseCatalog(dup)).toThrow(/Duplicate plan id "gptbots-hobby"/)
    const noPricing = structuredClone(bundled)
    ;(noPricing.plans.find((p) => p.id === 'openai-api') as Record<string, unknown>).pricing = null
    expect(() => parseCatalog(noPricing)).toThrow(/needs pricing.providerId/)
    const noBilling = structuredClone(bundled)
    ;(noBilling.plans[4] as Record<string, unknown>).billing = []
    expect(() => parseCatalog(noBilling)).toThrow(/subscription needs a monthly or yearly billing option/)
  })

  it('merges the user’s plans: an edit replaces the catalog plan, a new plan is added', () => {
    const catalog = [plan({ id: 'aa', kind: 'api-payg', pricing: { providerId: 'openai', fallbackModel: null } }), plan({ id: 'bb', kind: 'prepaid', credits: { unit: 'c', perUsd: 1, includedPerMonth: 0, refresh: 'none' }, topUps: [{ credits: 1, price: '1', validityMonths: null }] })]
    const edited = { ...catalog[1]!, name: 'Mine' }
    const mine = plan({ id: 'new-one', kind: 'api-payg', pricing: { providerId: 'anthropic', fallbackModel: null } })
    const merged = mergePlans(catalog, [mine, edited])
    expect(merged.map((m) => [m.plan.id, m.origin, m.plan.name])).toEqual([
      ['aa', 'catalog', 'aa'],
      ['bb', 'edited', 'Mine'],
      ['new-one', 'user', 'new-one']
    ])
  })
})
