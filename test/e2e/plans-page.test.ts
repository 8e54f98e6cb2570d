import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app'
import { MemoryPreferencesStore } from '../../src/main/core/preferences/preferences-store'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import { withoutCspMetaNotice } from '../helpers/browser'
import { openDemoCore } from '../helpers/demo-core'
import { artifactPath, serveCore, serveInChromium, type ServedApp } from '../helpers/served-core'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/**
 * End to end: Debian's Chromium, driven by Playwright, against `coffer serve` over the demo ledger
 * (the same seeding `coffer serve --demo` runs, in-process so the test owns its lifetime).
 */

describe('e2e: the Plans page with demo data (coffer serve + Chromium)', () => {
  let dataDir: string
  let core: Core
  let app: ServedApp
  let page: Page
  const shot = (name: string, fullPage = true): Promise<Buffer> => page.screenshot({ path: artifactPath(name), fullPage })

  beforeAll(async () => {
    dataDir = await makeTempDir('coffer-e2e-plans-')
    core = await openDemoCore(dataDir)
    app = await serveInChromium(core, { colorScheme: 'light' })
    page = app.page
  })

  afterAll(async () => {
    await app?.close()
    core?.close()
    if (dataDir) await removeTempDir(dataDir)
  })

  it('ranks the options by monthly cost, with a chart and plain answers', async () => {
    await page.goto(app.server.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plans' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Options, cheapest first' }).isVisible()).toBe(true)

    const ranks = await page.locator('.plan-option .plan-rank').allTextContents()
    const numbered = ranks.filter((rank) => rank !== '–').map(Number)
    expect(numbered.length).toBeGreaterThanOrEqual(5)
    expect(numbered).toEqual(numbered.map((_, index) => index + 1))
    const costs = await page.locator('.plan-option .plan-cost-priced').allTextContents()
    const dollars = costs.map((text) => Number(text.replace(/[^0-9.]/g, '')))
    expect(dollars).toEqual([...dollars].sort((a, b) => a - b))

    await expect.poll(() => page.locator('.plans-chart canvas').count()).toBe(1)
    expect(await page.locator('.plans-chart canvas').getAttribute('aria-label')).toMatch(/^Monthly cost by option, cheapest first: 1\. /)
    const answers = await page.locator('.plans-answers li').allTextContents()
    expect(answers.some((answer) => /^ChatGPT Plus does not include API credits: your \$[\d.,]+ of API spend would remain\.$/.test(answer))).toBe(true)
    expect(answers).toContain("At your usage the Flat plan's yearly billing saves $60.00 a year ($5.00/month).")
    expect(answers.some((answer) => /^Above \$[\d.,]+\/month of usage, Flat plan \(yearly\) is cheaper than what you pay now\.$/.test(answer))).toBe(true)
    expect(await page.locator('.plans-dataset').textContent()).toMatch(/@pydantic\/genai-prices [\d.]+, data as of \d{4}-\d{2}-\d{2}/)

    // Unknown prices are listed, unranked, and never shown as $0.
    const standard = page.locator('[data-option="gptbots-standard"]')
    await expect.poll(() => standard.locator('.plan-cost').textContent()).toBe('Price unknown')
    expect(await standard.locator('.plan-rank').textContent()).toBe('–')
    await shot('plans-light')
  })

  it('expands an option to show how its cost was computed', async () => {
    const flat = page.locator('[data-option="demo-flat-plan@year"]')
    const toggle = flat.getByRole('button', { name: 'How this was computed' })
    await toggle.click()
    expect(await flat.getByRole('button', { name: 'Hide how this was computed' }).getAttribute('aria-expanded')).toBe('true')
    const rows = await flat.locator('.plan-lines tbody th').allTextContents()
    expect(rows[0]).toBe('Flat plan yearly fee (per month)')
    expect(rows.some((row) => row.startsWith('Top-ups ('))).toBe(true)
    expect(await flat.locator('.plan-lines tbody td.plan-line-amount').first().textContent()).toBe('$20.00')
    expect(await flat.locator('.plan-lines tfoot').textContent()).toContain('Per month')
  })

  it('switches to the 90-day window with the keyboard', async () => {
    await page.getByRole('radio', { name: 'Last 30 days' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.locator('.plans-usage').textContent()).toContain('last 90 days')
    expect(await page.getByRole('radio', { name: 'Last 90 days' }).getAttribute('aria-checked')).toBe('true')
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Last 90 days')
  })

  it('fills in a missing price through the form (validated), and the plan gets ranked', async () => {
    const standard = page.locator('[data-option="gptbots-standard"]')
    await standard.getByRole('button', { name: 'Fill in the price' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit GPTBots Standard' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.getByLabel('Price per month').fill('thirty')
    await dialog.getByRole('button', { name: 'Save plan' }).click()
    await expect.poll(() => dialog.locator('.field-error').first().textContent()).toContain('Enter a price such as 20 or 9.99')
    await shot('plans-form-error', false)

    await dialog.getByLabel('Price per month').fill('30')
    await dialog.getByLabel('Price per year').fill('300')
    await dialog.getByLabel('Credits included per month').fill('5000')
    await dialog.getByRole('button', { name: 'Save plan' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => standard.locator('.plan-cost').textContent()).toMatch(/^\$[\d.,]+\/mo$/)
    expect(await standard.locator('.plan-provider').textContent()).toContain('edited by you')
    const answers = await page.locator('.plans-answers li').allTextContents()
    expect(answers.some((answer) => answer.startsWith("At your usage the Standard plan's yearly billing saves"))).toBe(true)
  })

  it('adds a plan of my own', async () => {
    await page.getByRole('button', { name: 'Add plan' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a plan' })
    await dialog.getByLabel('Provider').fill('Acme AI')
    await dialog.getByLabel('Plan name').fill('Unlimited')
    await dialog.getByLabel('Price per month').fill('99')
    await dialog.getByRole('button', { name: 'Save plan' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    const mine = page.locator('[data-option="my-acme-ai-unlimited"]')
    await expect.poll(() => mine.locator('.plan-cost').textContent()).toBe('$99.00/mo')
    expect(await mine.locator('.plan-provider').textContent()).toContain('your plan')
  })

  it('follows dark mode (chart included) and logs no errors', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByRole('radio', { name: 'Last 30 days' }).click()
    await expect.poll(() => page.locator('.plans-usage').textContent()).toContain('last 30 days')
    await page.waitForTimeout(200)
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor')
    expect(background).toBe('rgb(16, 19, 23)')
    await shot('plans-dark')
    expect(withoutCspMetaNotice(app.consoleErrors)).toEqual([])
  })

  it('teaches what to do on an empty ledger, and still lists fixed fees', async () => {
    const emptyDir = await makeTempDir('coffer-e2e-plans-empty-')
    const emptyCore = createCore({ runtime: 'demo', dataDir: emptyDir, secrets: new MemorySecretStore(), preferences: new MemoryPreferencesStore() })
    const emptyServer = await serveCore(emptyCore)
    try {
      await page.goto(emptyServer.url)
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plans' }).click()
      await expect.poll(() => page.locator('.plans-empty').textContent()).toContain('No usage recorded in these 30 days.')
      expect(await page.locator('.plans-empty').textContent()).toContain('Add your API accounts on the Overview page')
      expect(await page.locator('[data-option="chatgpt-plus"] .plan-cost').textContent()).toBe('$20.00/mo')
      expect(await page.locator('[data-option="chatgpt-plus"] .plan-answer').textContent()).toContain('API calls are billed separately')
      await shot('plans-empty', false)
    } finally {
      // Leave first: the page's event stream would otherwise hold the server open.
      await page.goto('about:blank')
      await emptyServer.close()
      emptyCore.close()
      await removeTempDir(emptyDir)
    }
  })
})
