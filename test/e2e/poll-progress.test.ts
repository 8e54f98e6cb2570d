import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import type { SimHandler, SimRequest, SimResponse } from '../simulator/provider-simulator'
import { cursorPages, openaiCostBucket, openaiUsageBucket } from '../simulator/shapes/openai'

/**
 * Issue 14.8 on the card: the first poll of an OpenAI account reads 90 days of history, page by
 * page (core's `poll:step`). While it runs, the card says what it is reading and how far it got;
 * when it is done the line gives way to the figures.
 */
const day = (back: number): string => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)

/** Answers every page after the first slowly, so the page in between can be seen. */
function slowAfterFirst(handler: (req: SimRequest) => SimResponse, delayMs: number): SimHandler {
  return (req) => ({ ...handler(req), ...(req.query.get('page') === null ? {} : { delayMs }) })
}

describe('e2e: a first poll’s 90-day backfill shows its progress on the card (coffer serve + Chromium)', () => {
  let stack: E2eStack
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-progress-',
      secrets: 'memory',
      prepare: async ({ core, simulator }) => {
        simulator.route(
          'GET',
          '/v1/organization/costs',
          slowAfterFirst(
            cursorPages([
              [openaiCostBucket({ day: day(80), lines: [{ lineItem: 'GPT-4o', value: '1.00' }] })],
              [openaiCostBucket({ day: day(40), lines: [{ lineItem: 'GPT-4o', value: '2.00' }] })],
              [openaiCostBucket({ day: day(1), lines: [{ lineItem: 'GPT-4o', value: '3.00' }] })]
            ]) as (req: SimRequest) => SimResponse,
            1500
          )
        )
        simulator.route('GET', '/v1/organization/usage/completions', cursorPages([[openaiUsageBucket({ day: day(1), models: [{ model: 'gpt-4o', input: 1000, cached: 0, output: 100, requests: 1 }] })]]))
        await core.handlers['accounts:add']({ draft: { provider: 'openai', label: 'OpenAI', baseUrl: simulator.baseUrl, options: {} }, key: 'sk-admin-0123456789abcdef0123' })
      }
    })
    ;({ page } = stack)
    await page.goto(stack.app.server.url)
    await page.getByTestId('account-card').first().waitFor({ timeout: 15_000 })
  })

  afterAll(() => stack?.close())

  it('says which history it is reading and which page, then shows the figures', async () => {
    const card = page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: 'OpenAI' }) })
    await card.getByRole('button', { name: 'Refresh OpenAI' }).click()
    const progress = card.getByTestId('poll-progress')
    await expect.poll(async () => (await progress.textContent())?.trim(), { timeout: 10_000, interval: 50 }).toMatch(/^Reading OpenAI costs: page 1 of the 90-day history \(the first check reads it all\)…$/)
    await expect.poll(async () => (await progress.textContent())?.trim(), { timeout: 10_000, interval: 50 }).toMatch(/^Reading OpenAI costs: page 2 of the 90-day history/)
    // Done: the line is gone and the month's spend is on the card.
    await expect.poll(() => progress.count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('this month')
  })
})
