import { readFileSync } from 'node:fs'
import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { formatMoney, microsToDecimal, toMicros } from '../../src/shared/money'
import { parseCsv } from '../helpers/csv'
import { openDemoCore } from '../helpers/demo-core'
import { artifactPath, serveInChromium, type ServedApp } from '../helpers/served-core'
import { callOk } from '../helpers/test-core'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/**
 * End to end: the records page in Debian's Chromium against `coffer serve --demo` (the same
 * seedDemoLedger + createCore + startWebServer the command runs, in-process). Every figure the page
 * shows is checked against the core's own query for the same filter, and the CSV download must add
 * up to the summary bar.
 */
const DAY_MS = 86_400_000
// expect.poll waits 1 s by default; a busy machine running every suite at once needs longer.
const POLL = { timeout: 15_000, interval: 100 }
const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10)

describe('e2e: the records page with demo data (coffer serve --demo + Chromium)', () => {
  let dataDir: string
  let core: Core
  let app: ServedApp
  let page: Page

  // One read of the whole bar: reading item by item races re-renders (an item that disappears
  // between listing and reading would stall the locator until its timeout).
  const summary = async (): Promise<Record<string, string>> =>
    page.getByTestId('records-summary').evaluate((bar) =>
      Object.fromEntries(
        [...bar.querySelectorAll('.summary-item')].map((item) => [
          (item.querySelector('dt') as HTMLElement | null)?.innerText ?? '',
          (item.querySelector('dd') as HTMLElement | null)?.innerText ?? ''
        ])
      )
    )
  const settled = async (): Promise<void> => {
    await page.waitForFunction(() => !document.querySelector('[data-testid="records-summary"] .spinner'))
    await page.waitForTimeout(150)
  }

  beforeAll(async () => {
    dataDir = await makeTempDir('coffer-e2e-records-')
    core = await openDemoCore(dataDir, { live: true })
    app = await serveInChromium(core, { acceptDownloads: true })
    page = app.page
  })

  afterAll(async () => {
    await app?.close()
    core?.close()
    if (dataDir) await removeTempDir(dataDir)
  })

  it('overview shows approximate home-currency totals and the stacked spend chart', async () => {
    await page.goto(app.server.url)
    const totals = page.getByTestId('overview-totals')
    await totals.waitFor()
    const overview = await callOk(core, 'ledger:overview', { days: 30 })
    await expect.poll(() => totals.innerText(), POLL).toContain(`≈ ${formatMoney(overview.totalBalance)}`)
    expect(await totals.innerText()).toContain('approximate')
    expect(await page.locator('canvas[role="img"][aria-label^="Daily spend over 30 days"]').count()).toBe(1)
    await page.screenshot({ path: artifactPath('overview-ledger'), fullPage: true })
  })

  it('spend tab: quick picks, account filter and sort; the summary matches the core’s totals', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Records' }).click()
    await page.getByTestId('records-summary').waitFor()
    await settled()
    const today = Date.now()
    const last30 = await callOk(core, 'records:spend', { from: utcDay(today - 29 * DAY_MS), to: utcDay(today) })
    const usd = (totals: { unit: string; amount: string }[]) => formatMoney(totals.find((total) => total.unit === 'USD') ?? { unit: 'USD', amount: '0' })
    expect((await summary())['Spent (USD)']).toBe(usd(last30.summary.totals))
    expect((await summary()).Lines).toBe(last30.summary.count.toLocaleString('en-US'))

    await page.getByRole('radio', { name: '7 days' }).click()
    await settled()
    const last7 = await callOk(core, 'records:spend', { from: utcDay(today - 6 * DAY_MS), to: utcDay(today) })
    expect((await summary())['Spent (USD)']).toBe(usd(last7.summary.totals))
    expect(last7.summary.count).toBeLessThan(last30.summary.count)

    await page.getByRole('radio', { name: '3 months' }).click()
    await page.getByLabel('Account').selectOption({ label: 'OpenAI (demo)' })
    await settled()
    const openai = await callOk(core, 'records:spend', { from: utcDay(today - 89 * DAY_MS), to: utcDay(today), accountIds: ['acc_demoopena1'] })
    expect(await summary()).toEqual({ Lines: openai.summary.count.toLocaleString('en-US'), 'Spent (USD)': usd(openai.summary.totals) })
    const accountsShown = await page.getByTestId('record-row').locator('[role="cell"]:nth-child(2)').allInnerTexts()
    expect(new Set(accountsShown)).toEqual(new Set(['OpenAI (demo)']))

    await page.getByLabel('Sort').selectOption({ label: 'Largest first' })
    await settled()
    const amounts = await page.getByTestId('record-row').locator('[role="cell"]:nth-child(4)').allInnerTexts()
    const values = amounts.map((text) => Number(text.replace(/[^0-9.]/g, '')))
    expect(values.length).toBeGreaterThan(3)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    await page.screenshot({ path: artifactPath('records-spend') })
  })

  it('the CSV export downloads exactly the filtered rows, adding up to the summary', async () => {
    const shown = await summary()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^coffer-spend-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'))
    expect(rows.length.toLocaleString('en-US')).toBe(shown.Lines)
    expect(new Set(rows.map((row) => row.account))).toEqual(new Set(['OpenAI (demo)']))
    const total = rows.reduce((sum, row) => sum + toMicros(row.amount), 0)
    expect(formatMoney({ amount: microsToDecimal(total), unit: 'USD' })).toBe(shown['Spent (USD)'])
    // Largest first, as on screen.
    expect(toMicros(rows[0]?.amount)).toBeGreaterThanOrEqual(toMicros(rows[1]?.amount))
  })

  it('switches tabs: usage by model, credit adjustments (confirm a detected top-up), polls', async () => {
    await page.getByLabel('Account').selectOption({ label: 'All accounts' })
    await page.getByRole('tab', { name: 'Usage by model' }).click()
    await settled()
    expect(Object.keys(await summary())).toEqual(['Rows', 'Input tokens', 'Cached', 'Output tokens', 'Requests'])
    expect(await page.getByTestId('record-row').count()).toBeGreaterThan(0)

    // A detected top-up is announced on its card; "Review" opens it in the Credit adjustments tab.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click()
    const openrouter = page.getByTestId('account-card').filter({ hasText: 'OpenRouter (demo)' })
    await expect.poll(() => openrouter.locator('.pending-topups').innerText(), POLL).toContain('1 detected top-up to confirm')
    await openrouter.getByRole('button', { name: 'Review' }).click()
    await page.getByTestId('records-summary').waitFor()
    await settled()
    expect(await page.getByRole('tab', { name: 'Credit adjustments' }).getAttribute('aria-selected')).toBe('true')
    expect(await page.getByLabel('Account').inputValue()).toBe('acc_demoopenr1')
    expect((await summary())['To confirm']).toBe('1')
    await page.screenshot({ path: artifactPath('records-credits') })
    await page.getByRole('button', { name: /^Confirm Top-up/ }).click()
    await expect.poll(async () => (await summary())['To confirm'] ?? 'none', POLL).toBe('none')
    expect((await callOk(core, 'records:credits', { accountIds: ['acc_demoopenr1'] })).summary.unconfirmed).toBe(0)

    await page.getByRole('tab', { name: 'Polls' }).click()
    await settled()
    expect(Number((await summary()).Polls?.replace(/,/g, ''))).toBeGreaterThan(0)
    expect(app.consoleErrors).toEqual([])
  })

  it('a card shows its balance history and takes the console figure as the new balance', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click()
    const card = page.getByTestId('account-card').filter({ hasText: 'OpenAI (demo)' })
    await card.getByText('History and credits').click()
    await card.locator('canvas[role="img"]').waitFor()
    expect(await card.locator('canvas[role="img"]').getAttribute('aria-label')).toMatch(/^OpenAI \(demo\) balance over \d+ days, now \$/)
    expect(await card.getByTestId('expiring-credit').innerText()).toMatch(/^\$[\d,.]+ expires (in \d+ days, |tomorrow, |today, )?[A-Z][a-z]{2} \d{1,2}(, \d{4})? /)

    await card.getByRole('button', { name: 'Correct balance…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Record for OpenAI (demo)' })
    expect(await dialog.getByLabel('Type').inputValue()).toBe('balance')
    await dialog.getByLabel('Amount').fill('150.25')
    await dialog.getByRole('button', { name: 'Record' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => card.locator('.primary-amount').innerText(), POLL).toBe('$150.25')
    expect(await card.locator('.primary-balance .source-tag').innerText()).toBe('manual')
    const [view] = (await callOk(core, 'accounts:list', {})).filter((account) => account.id === 'acc_demoopena1')
    expect(view?.balances[0]).toMatchObject({ amount: '150.25', source: 'manual' })
    await card.screenshot({ path: artifactPath('card-ledger') })
    expect(app.consoleErrors).toEqual([])
  })
})
