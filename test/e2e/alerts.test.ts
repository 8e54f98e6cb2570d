import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { artifactPath } from '../helpers/served-core'
import { deepseekBalance } from '../simulator/shapes/deepseek'

/**
 * End to end in Chromium against `coffer serve` (in-process) and the simulator: a DeepSeek balance
 * falls below a rule set in the UI, the alert appears once (banner + Alerts page) across polls,
 * and a top-up clears it. Keys live in a MemorySecretStore here: the keychain is not under test.
 */

describe('e2e: low-balance alert in the UI (coffer serve + Chromium + simulator DeepSeek)', () => {
  let stack: E2eStack
  let core: E2eStack['core']
  let app: E2eStack['app']
  let page: Page
  let balance = '100.00'
  let accountId: string

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-alerts-',
      secrets: 'memory',
      prepare: async ({ simulator, core }) => {
        simulator.route('GET', '/user/balance', () => deepseekBalance([{ currency: 'CNY', total: balance, granted: '0', toppedUp: balance }]))
        const account = await core.handlers['accounts:add']({
          draft: { provider: 'deepseek', label: 'DeepSeek', baseUrl: simulator.baseUrl, options: {} },
          key: 'sk-e2e-deepseek-000000001'
        })
        accountId = account.id
        await core.handlers['accounts:poll']({ ids: [accountId] })
      }
    })
    ;({ core, app, page } = stack)
  })

  afterAll(() => stack?.close())

  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: artifactPath(`alerts-${name}`), fullPage: true })
  const openItems = () => page.getByRole('list', { name: 'Open alerts' }).getByTestId('alert-item')
  const refreshAll = async (): Promise<void> => {
    await page.getByRole('button', { name: /Refresh all/ }).click()
    await expect.poll(() => page.getByRole('button', { name: /Refresh all/ }).isEnabled(), { timeout: 15_000 }).toBe(true)
  }

  it('sets a low-balance rule on the Alerts page', async () => {
    await page.goto(app.server.url)
    await page.getByRole('button', { name: 'Alerts', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Alerts', level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => page.getByTestId('no-open-alerts').isVisible()).toBe(true)
    const form = page.getByRole('form', { name: 'DeepSeek' })
    // The default rule Coffer offered at the first balance (35 CNY) is there to edit.
    await expect.poll(() => form.getByLabel('Balance below').inputValue()).toBe('35')
    await form.getByLabel('Balance below').fill('50')
    await form.getByRole('button', { name: 'Save rules' }).click()
    await expect.poll(async () => (await core.handlers['rules:list']({ accountId }))[0]?.below).toEqual({ amount: '50', unit: 'CNY' })
    expect(await page.getByTestId('alert-banner').count()).toBe(0)
  })

  it('the balance falls below the line: one alert, in the banner and the list, and it stays one over polls', async () => {
    balance = '20.00'
    await refreshAll()
    const banner = page.getByTestId('alert-banner')
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain('Low balance — DeepSeek')
    expect(await banner.textContent()).toContain('below your alert at CN¥50.00')
    await expect.poll(() => openItems().count()).toBe(1)
    balance = '19.50'
    await refreshAll()
    await expect.poll(() => openItems().first().textContent()).toContain('CN¥19.50')
    expect(await openItems().count()).toBe(1)
    expect((await core.handlers['alerts:list']({ limit: 50 })).alerts).toHaveLength(1)
    // The top-up link is offered (allow-listed DeepSeek billing page).
    expect(await openItems().first().getByRole('link', { name: 'Top up ↗' }).getAttribute('href')).toBe('https://platform.deepseek.com/top_up')
    await shot('01-active-with-banner')
  })

  it('a spend limit shows as a progress bar on the page and on the account card', async () => {
    const form = page.getByRole('form', { name: 'Add or change a spend limit' })
    await form.getByLabel('For').selectOption({ label: 'DeepSeek' })
    await form.getByLabel('Period (UTC)').selectOption('day')
    await form.getByLabel('Limit').fill('200')
    await form.getByRole('button', { name: 'Save limit' }).click()
    const bar = page.getByRole('meter', { name: /DeepSeek: .* of CN¥200\.00 today/ })
    await expect.poll(() => bar.count()).toBe(1)
    expect(await page.getByText('Coffer can’t stop spending; it warns you.').first().isVisible()).toBe(true)
    await shot('02-budgets-and-rules')
    await page.getByRole('button', { name: 'Overview', exact: true }).click()
    await expect.poll(() => page.getByTestId('account-card').getByTestId('budget-bar').count()).toBe(1)
    await shot('03-overview-card-with-budget')
    await page.emulateMedia({ colorScheme: 'dark' })
    await shot('04-overview-dark')
    await page.getByRole('button', { name: 'Alerts', exact: true }).click()
    await shot('05-alerts-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('snoozing until the next top-up takes it out of the banner and the tray colour, not off the page', async () => {
    await openItems().first().getByRole('button', { name: 'Snooze until the next top-up' }).click()
    await expect.poll(() => openItems().first().getAttribute('data-state')).toBe('snoozed')
    expect(await openItems().first().textContent()).toContain('Snoozed until the next top-up')
    await expect.poll(() => page.getByTestId('alert-banner').count()).toBe(0)
    expect((await core.handlers['alerts:list']({ limit: 50 })).level).toBe('ok')
  })

  it('a top-up clears it: Top up ↗, then Record top-up; nothing open, the alert moves to history, the banner goes', async () => {
    // The billing page would open in a new tab; this machine has no internet, so keep the click local.
    await page.evaluate(() =>
      document.addEventListener('click', (event) => {
        if ((event.target as Element | null)?.closest('a[target="_blank"]')) event.preventDefault()
      }, true)
    )
    await openItems().first().getByRole('link', { name: 'Top up ↗' }).click()
    await openItems().first().getByRole('button', { name: 'Record top-up' }).click()
    const dialog = page.getByRole('dialog', { name: 'Record a top-up for DeepSeek' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.getByLabel('Unit').inputValue()).toBe('CNY')
    await dialog.getByLabel('Amount').fill('60.5')
    await shot('06-record-top-up')
    balance = '80.00' // the provider has the money now
    await dialog.getByRole('button', { name: 'Record top-up' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const recorded = core.context.db
      .prepare(`SELECT kind, amount_micros AS micros, unit, source FROM credit_events WHERE account_id = ? AND source = 'manual'`)
      .all(accountId)
    expect(recorded).toEqual([{ kind: 'topup', micros: 60_500_000, unit: 'CNY', source: 'manual' }])
    await expect.poll(() => openItems().count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => page.getByTestId('no-open-alerts').isVisible()).toBe(true)
    const history = page.getByRole('list', { name: 'Alert history' }).getByTestId('alert-item')
    expect(await history.count()).toBe(1)
    expect(await history.first().getAttribute('data-state')).toBe('resolved')
    expect(await page.getByTestId('alert-banner').count()).toBe(0)
    await shot('07-resolved')
    expect(app.consoleErrors).toEqual([])
  })
})
