import { randomBytes } from 'node:crypto'
import type { Page } from 'playwright'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cursorPages, openaiCostBucket, openaiUsageBucket } from '../simulator/shapes/openai'
import { withoutCspMetaNotice } from '../helpers/browser'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { describeWithKeychain } from '../helpers/keychain'
import { artifactPath } from '../helpers/served-core'

/**
 * End to end through the add-account form: an OpenAI organization (admin key, spend only) and a
 * manual GPTBots account (no key, credits worth $0.01), then "What the provider said".
 */

const adminKey = `sk-admin-${randomBytes(16).toString('hex')}`
const today = new Date().toISOString().slice(0, 10)

describeWithKeychain('e2e: add an admin-key provider and a manual account through the UI', () => {
  let stack: E2eStack
  let simulator: E2eStack['simulator']
  let core: E2eStack['core']
  let app: E2eStack['app']
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-providers-',
      startPolling: true,
      prepare: ({ simulator }) => {
        simulator.route('GET', '/v1/organization/costs', cursorPages([[openaiCostBucket({ day: today, lines: [{ lineItem: 'GPT-4o', value: '3.25' }] })]]))
        simulator.route(
          'GET',
          '/v1/organization/usage/completions',
          cursorPages([[openaiUsageBucket({ day: today, models: [{ model: 'gpt-4o', input: 1000, cached: 100, output: 50, requests: 3 }] })]])
        )
      }
    })
    ;({ simulator, core, app, page } = stack)
    await page.goto(app.server.url)
  })

  afterAll(() => stack?.close())

  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: artifactPath(`providers-${name}`), fullPage: true })
  const card = (label: string) => page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: label }) })

  async function openAddDialog() {
    await expect.poll(() => page.getByRole('button', { name: /Add (your first )?account/ }).first().isVisible(), { timeout: 15_000 }).toBe(true)
    await page.getByRole('button', { name: /Add (your first )?account/ }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Add an account' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    return dialog
  }

  it('OpenAI: the form asks for an admin key and says why; the card shows what OpenAI publishes', async () => {
    const dialog = await openAddDialog()
    await dialog.getByLabel('Provider').selectOption('openai')
    const text = (await dialog.textContent()) ?? ''
    expect(text).toContain('sk-admin-')
    expect(text).toMatch(/organization-level key/i)
    expect(text).toMatch(/no prepaid balance/i)
    await dialog.getByLabel('Label').fill('Acme org')
    await dialog.getByLabel('Admin key').fill(adminKey)
    await dialog.getByText('Advanced').click()
    await dialog.getByLabel(/Base URL/).fill(simulator.baseUrl)
    await shot('01-openai-form')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toMatch(/works|Connected|ok|Up to date/i)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    const acme = card('Acme org')
    await expect.poll(() => acme.textContent(), { timeout: 15_000 }).toContain('Up to date')
    await expect.poll(() => acme.textContent(), { timeout: 15_000 }).toContain('3.25')
    await shot('02-openai-card')
    expect(simulator.requestsTo('/v1/organization/costs')[0]?.headers.authorization).toBe(`Bearer ${adminKey}`)
  })

  it('“What the provider said” shows the raw answers without the key', async () => {
    const acme = card('Acme org')
    await acme.getByRole('button', { name: 'Raw answers', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'What the provider said' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('/v1/organization/costs')
    await dialog.getByRole('button', { name: /\/v1\/organization\/costs/ }).first().click()
    await expect.poll(() => dialog.textContent()).toContain('GPT-4o')
    expect(await dialog.textContent()).not.toContain(adminKey)
    await shot('03-raw-answers')
    await dialog.locator('.dialog-actions').getByRole('button', { name: 'Close', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)
  })

  it('Manual: no key, no base URL; unit, credit value and billing page; the card offers the top-up link', async () => {
    const dialog = await openAddDialog()
    await dialog.getByLabel('Provider').selectOption('manual')
    expect(await dialog.getByLabel(/key/i).count()).toBe(0)
    await dialog.getByLabel('Label').fill('GPTBots')
    await dialog.getByLabel(/^Unit\b/).fill('credits')
    await dialog.getByLabel(/^Value of one unit/).fill('0.01')
    await dialog.getByLabel(/^Currency of that value/).fill('USD')
    await dialog.getByLabel(/^Plan/).fill('GPTBots Pro')
    await dialog.getByLabel(/^Billing or top-up page/).fill('https://www.gptbots.ai/pricing')
    await shot('04-manual-form')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    const gptbots = card('GPTBots')
    await expect.poll(() => gptbots.count(), { timeout: 10_000 }).toBe(1)
    const link = gptbots.getByRole('link', { name: /Top up/ })
    expect(await link.getAttribute('href')).toBe('https://www.gptbots.ai/pricing')
    await shot('05-manual-card')
    const [account] = (await core.handlers['accounts:list']({})).filter((a) => a.label === 'GPTBots')
    expect(account).toMatchObject({ provider: 'manual', hasKey: false, options: { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' } })
  })

  it('never shows the key in the page and logs no errors', async () => {
    expect(await page.content()).not.toContain(adminKey)
    expect(withoutCspMetaNotice(app.consoleErrors)).toEqual([])
  })
})
