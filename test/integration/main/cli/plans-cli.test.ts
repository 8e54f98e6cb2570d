import { findProvider } from '@pydantic/genai-prices'
import { randomBytes } from 'node:crypto'
import { beforeAll, expect, it, vi } from 'vitest'
import type { Comparison } from '../../../../src/shared/contract/plans-calls'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import { cursorPages, openaiCostBucket, openaiUsageBucket } from '../../../simulator/shapes/openai'

vi.setConfig({ testTimeout: 90_000, hookTimeout: 30_000 })

const day = (back: number): string => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)

/** The dataset's own base price, so the expectation follows the package when it is upgraded. */
function rate(providerId: string, modelId: string, key: 'input_mtok' | 'output_mtok'): number {
  const value = (findProvider({ providerId })?.models.find((m) => m.id === modelId)?.prices as Record<string, number | { base: number }>)[key]
  if (value === undefined) throw new Error(`no ${key} for ${providerId}/${modelId}`)
  return typeof value === 'number' ? value : value.base
}

describeWithKeychain('coffer plans compare (usage fed through the CLI from a simulated OpenAI admin API)', () => {
  const cli = useCliSandbox('coffer-plans-cli-')
  const { coffer } = cli
  const key = `sk-admin-${randomBytes(16).toString('hex')}`

  beforeAll(async () => {
    // Last 30 days: $10 + $3.40 + $10 = $23.40. 45 days ago (90-day window only): $36.60.
    cli.sim.route(
      'GET',
      '/v1/organization/costs',
      cursorPages([
        [
          openaiCostBucket({ day: day(45), lines: [{ lineItem: 'GPT-4o', value: '36.60' }] }),
          openaiCostBucket({ day: day(2), lines: [{ lineItem: 'GPT-4o', value: 10 }] }),
          openaiCostBucket({ day: day(1), lines: [{ lineItem: 'GPT-4o input', value: '10.00' }, { lineItem: 'GPT-4o output', value: 3.4 }] })
        ]
      ])
    )
    // 2M input (none cached) and 0.5M output tokens of gpt-4o yesterday; 3M / 1M 45 days ago.
    cli.sim.route(
      'GET',
      '/v1/organization/usage/completions',
      cursorPages([
        [
          openaiUsageBucket({ day: day(45), models: [{ model: 'gpt-4o-2024-08-06', input: 3_000_000, cached: 0, output: 1_000_000, requests: 300 }] }),
          openaiUsageBucket({ day: day(1), models: [{ model: 'gpt-4o-2024-08-06', input: 2_000_000, cached: 0, output: 500_000, requests: 200 }] })
        ]
      ])
    )
    const added = await coffer(['accounts', 'add', '--provider', 'openai', '--label', 'OpenAI', '--base-url', cli.sim.baseUrl, '--key-stdin'], key)
    expect(added.code, added.stderr).toBe(0)
    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)
    expect(polled.stdout).toContain('"status": "ok"')
  })

  it('--json ranks the options with hand-computed monthly costs (30 days)', async () => {
    const result = await coffer(['plans', 'compare', '--json'])
    expect(result.code, result.stderr).toBe(0)
    const comparison = JSON.parse(result.stdout) as Comparison
    const cost = (key: string) => comparison.options.find((option) => option.key === key)
    expect(comparison.usage).toMatchObject({ windowDays: 30, monthlyUsage: '23.4', from: day(29), to: day(0) })
    expect(cost('current')).toMatchObject({ monthlyCost: '23.4', converted: false }) // measured, not re-priced
    expect(comparison.usage).toMatchObject({ withTokensUsd: '13.4', windowSpend: { amount: '23.4', unit: 'USD', approximate: false } })
    // All the spend is already on OpenAI: the OpenAI API option would only repeat it, so it is not
    // ranked (it used to be listed, ranked, at the same $23.40).
    expect(cost('openai-api')).toMatchObject({ status: 'not-repriced', monthlyCost: null, rank: null })
    expect(cost('chatgpt-plus')?.monthlyCost).toBe('43.4') // $20 + the API spend that remains
    // Only yesterday ($13.40) has token counts: it is re-priced, the $10 of the day before is kept as
    // measured (the old expectation re-priced the tokens alone and dropped that $10).
    const anthropic = 10 + 2 * rate('anthropic', 'claude-sonnet-4-5', 'input_mtok') + 0.5 * rate('anthropic', 'claude-sonnet-4-5', 'output_mtok')
    expect(Number(cost('anthropic-api')?.monthlyCost)).toBeCloseTo(anthropic, 6)
    expect(cost('anthropic-api')?.repricing).toMatchObject({ repricedSpend: '13.4', measuredSpend: '23.4', alreadyThere: '0', percent: 57 }) // 13.4 / 23.4 = 57.3 %
    const openrouter = 10 + 2 * rate('openrouter', 'openai/gpt-4o', 'input_mtok') + 0.5 * rate('openrouter', 'openai/gpt-4o', 'output_mtok')
    expect(Number(cost('openrouter-payg')?.monthlyCost)).toBeCloseTo(openrouter, 6)

    const ranked = comparison.options.filter((option) => option.rank !== null)
    const costs = ranked.map((option) => Number(option.monthlyCost))
    expect(costs).toEqual([...costs].sort((a, b) => a - b))
    expect(ranked.map((option) => option.rank)).toEqual(ranked.map((_, index) => index + 1))
    for (const id of ['gptbots-growth', 'gptbots-standard', 'gptbots-pro', 'chatgpt-pro', 'claude-pro', 'operator-ai']) {
      expect(cost(id)).toMatchObject({ status: 'unknown', monthlyCost: null, rank: null })
    }
    expect(comparison.answers).toContain('ChatGPT Plus does not include API credits: your $23.40 of API spend would remain.')
    expect(comparison.dataset).toMatchObject({ package: '@pydantic/genai-prices', publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
  })

  it('--window 90 averages 90 days into 30-day months', async () => {
    const result = await coffer(['plans', 'compare', '--json', '--window', '90'])
    expect(result.code, result.stderr).toBe(0)
    const comparison = JSON.parse(result.stdout) as Comparison
    const cost = (key: string) => comparison.options.find((option) => option.key === key)?.monthlyCost
    expect(comparison.usage.monthlyUsage).toBe('20') // ($23.40 + $36.60) / 3
    expect(cost('chatgpt-plus')).toBe('40')
    // Re-priced: the two days with tokens ($13.40 + $36.60); kept: the $10 day. Per 30-day month: ÷ 3.
    const anthropic = (10 + 5 * rate('anthropic', 'claude-sonnet-4-5', 'input_mtok') + 1.5 * rate('anthropic', 'claude-sonnet-4-5', 'output_mtok')) / 3
    expect(Number(cost('anthropic-api'))).toBeCloseTo(anthropic, 5)
    expect(comparison.options.find((option) => option.key === 'anthropic-api')?.repricing).toMatchObject({ repricedSpend: '50', measuredSpend: '60', percent: 83 })
  })

  it('prints a readable ranking without --json, and rejects a bad window with exit code 2', async () => {
    const text = await coffer(['plans', 'compare'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/^\s+\d+\s+What you pay now — Your accounts\s+\$23\.40\/mo/m)
    expect(text.stdout).toContain('price unknown')
    expect(text.stdout).toMatch(/^\s+-\s+OpenAI API \(pay-as-you-go\) — OpenAI\s+not re-priced\s+Not ranked: all of your measured spend is already on OpenAI/m)
    expect(text.stdout).toContain('$23.40/month of measured spend.')
    expect(text.stdout).toContain('Token counts cover 57 % of that spend')
    expect(text.stdout).toContain('@pydantic/genai-prices')
    const bad = await coffer(['plans', 'compare', '--window', '60'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--window must be 30 or 90')
  })
})
