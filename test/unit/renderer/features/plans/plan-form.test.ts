import { describe, expect, it } from 'vitest'
import { newPlanForm, toForm, validatePlanForm, type PlanForm } from '../../../../../src/renderer/src/features/plans/plan-form'
import { loadBundledCatalog } from '../../../../../src/main/core/plans/catalog'

const catalogPlan = (id: string) => {
  const plan = loadBundledCatalog().plans.find((candidate) => candidate.id === id)
  if (!plan) throw new Error(`no ${id} in the catalog`)
  return plan
}

describe('plan form (validated with the catalog schema)', () => {
  it('round-trips every catalog plan unchanged', () => {
    for (const plan of loadBundledCatalog().plans) {
      const result = validatePlanForm(toForm(plan))
      expect(result.errors, plan.id).toBeNull()
      expect(result.plan, plan.id).toEqual(plan)
    }
  })

  it('keeps an empty price as unknown (null), never 0', () => {
    const form: PlanForm = { ...toForm(catalogPlan('gptbots-standard')), monthlyPrice: '', yearlyPrice: '  ' }
    expect(validatePlanForm(form).plan?.billing).toEqual([
      { period: 'month', price: null, currency: 'USD' },
      { period: 'year', price: null, currency: 'USD' }
    ])
  })

  it('puts each schema error on the field that caused it', () => {
    const form: PlanForm = { ...toForm(catalogPlan('gptbots-standard')), yearlyPrice: '$300', perUsd: 'lots', topUpValidity: '-1', name: ' ' }
    const result = validatePlanForm(form)
    expect(result.plan).toBeNull()
    expect(result.errors).toMatchObject({
      yearlyPrice: expect.stringContaining('Enter a price such as 20 or 9.99'),
      perUsd: 'Enter a number, or leave it empty if unknown.',
      topUpValidity: expect.any(String),
      name: 'Name the plan.'
    })
  })

  it('builds a new plan with a user id and the kind’s own sections', () => {
    const form: PlanForm = { ...newPlanForm(), providerName: 'Acme AI', name: 'Team', monthlyPrice: '12.5', yearly: true, yearlyPrice: '120' }
    const result = validatePlanForm(form)
    expect(result.plan).toMatchObject({
      id: 'my-acme-ai-team',
      provider: 'acme-ai',
      kind: 'subscription',
      billing: [
        { period: 'month', price: '12.5' },
        { period: 'year', price: '120' }
      ],
      credits: null,
      pricing: null
    })
    const payg = validatePlanForm({ ...newPlanForm(), providerName: 'Acme', name: 'API', kind: 'api-payg' })
    expect(payg.errors).toMatchObject({ pricingProvider: expect.any(String) })
  })
})
