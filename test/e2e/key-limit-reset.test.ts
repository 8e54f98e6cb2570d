import type { Page } from 'playwright'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openrouterCredits, openrouterKey } from '../simulator/shapes/openrouter'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { describeWithKeychain } from '../helpers/keychain'
import { artifactPath } from '../helpers/served-core'
import { callOk } from '../helpers/test-core'

describeWithKeychain('e2e: an OpenRouter key limit that resets shows its reset time under the account balance (issue 13.5)', () => {
  let stack: E2eStack
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-reset-',
      context: { viewport: { width: 1280, height: 860 } },
      prepare: async ({ simulator, core }) => {
        simulator.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 50, totalUsage: 10 }))
        simulator.route('GET', '/api/v1/key', openrouterKey({ limit: 20, limitRemaining: 12.25, limitReset: 'monthly', usage: 431.5, usageMonthly: 7.75 }))
        const account = await callOk(core, 'accounts:add', { draft: { provider: 'openrouter', label: 'Monthly key', baseUrl: simulator.baseUrl }, key: 'sk-or-v1-0123456789abcdefRESET' })
        await callOk(core, 'accounts:poll', { ids: [account.id] })
      }
    })
    ;({ page } = stack)
  })

  afterAll(() => stack?.close())

  it('the card lists the key limit left and this month’s key usage, each with when it resets', async () => {
    await page.goto(stack.app.server.url)
    const card = page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: 'Monthly key' }) })
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1)
    const others = card.locator('.other-balance')
    await expect.poll(() => others.count()).toBe(3)
    const texts = await others.allTextContents()
    const now = new Date()
    const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString()
    expect(texts[0]).toMatch(/Key limit left.*12\.25.*resets/)
    expect(texts[1]).not.toMatch(/resets/)
    expect(texts[2]).toMatch(/Key usage.*7\.75.*resets/)
    expect(await card.locator(`.other-balance time[datetime="${reset}"]`).count()).toBe(2)
    await page.screenshot({ path: artifactPath('key-limit-reset'), fullPage: true })
  })
})
