import { describe, expect, it } from 'vitest'
import { comparisonText } from '../../../../src/main/cli/commands/plans-command'
import { comparePlans } from '../../../../src/main/core/plans/compare-plans'
import type { AccountWorkload } from '../../../../src/main/core/plans/workload'
import { accountIdOf, fixedPrices, NOW, plan, spender, testDataset, tokens, valuer, workload } from '../core/plans/plan-fixtures'

describe('coffer plans compare, as text', () => {
  it('labels converted figures and says how much of the spend has token counts', () => {
    // DeepSeek: CN¥116 × 0.14 = $16.24 (CN¥76 of it, $10.64, on the day with tokens); OpenAI: $5, no tokens.
    const deepseek: AccountWorkload = {
      accountId: accountIdOf('DeepSeek'),
      provider: 'deepseek',
      label: 'DeepSeek',
      spend: [
        { day: '2026-11-10', unit: 'CNY', micros: 40_000_000 },
        { day: '2026-11-15', unit: 'CNY', micros: 76_000_000 }
      ],
      usage: [tokens('deepseek-chat', 1_000_000, 1_000_000, '2026-11-15')]
    }
    const w = workload([deepseek, spender('OpenAI', 'openai', 5)])
    const api = plan({ id: 'anthropic-api', name: 'Anthropic API', provider: 'anthropic', providerName: 'Anthropic', kind: 'api-payg', pricing: { providerId: 'anthropic', fallbackModel: 'claude-x' } })
    const result = comparePlans({
      workload: w,
      plans: [{ plan: api, origin: 'catalog' }],
      prices: fixedPrices({ 'anthropic:claude-x': ['1', '2'] }),
      valuer: valuer({ CNY: '0.14' }, w.accounts),
      dataset: testDataset,
      now: NOW
    })
    const text = comparisonText(result)
    // $16.24 + $5 = $21.24; $10.64 of it has token counts: 50.09 % → 50 %.
    expect(text[0]).toBe('Usage Oct 23 … Nov 21 (30 days): $21.24/month of measured spend (converted into USD: 1 CNY = 0.14 USD).')
    expect(text[1]).toBe('Token counts cover 50 % of that spend: re-priced options replace only those days, the rest is counted as measured.')
    // Anthropic: $5.60 + $5 kept + 1M × $1 + 1M × $2 = $13.60, converted yuan included.
    expect(text.find((line) => line.includes('Anthropic API — Anthropic'))).toMatch(/^\s+1\s+Anthropic API — Anthropic\s+≈\$13\.60\/mo {2}The same tokens on Anthropic API would cost about \$13\.60 a month\. Re-prices 50 % of your spend/)
    expect(text.find((line) => line.includes('What you pay now'))).toMatch(/^\s+2\s+What you pay now — Your accounts\s+≈\$21\.24\/mo {2}You pay \$21\.24 a month as you go: your measured spend, converted into USD\.$/)
    expect(text).toContain('≈ includes spend converted into USD: 1 CNY = 0.14 USD.')
  })

  it('on an empty ledger, the answer about "the ranking below" comes before the ranking (issue 14.4)', () => {
    const w = workload([])
    const result = comparePlans({ workload: w, plans: [], prices: fixedPrices({}), valuer: valuer({}, w.accounts), dataset: testDataset, now: NOW })
    const text = comparisonText(result)
    const below = text.findIndex((line) => line.includes('the ranking below'))
    const firstOption = text.findIndex((line) => /^\s+(\d+|-)\s{2}\S/.test(line))
    expect(below).toBeGreaterThan(0)
    expect(firstOption).toBeGreaterThan(below)
    expect(text[below]).toMatch(/^• No API usage recorded in the last 30 days: the ranking below shows only fixed fees\./)
  })
})
