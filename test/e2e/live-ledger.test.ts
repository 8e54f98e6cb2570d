import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { runCoffer } from '../helpers/run-coffer'
import { artifactPath } from '../helpers/served-core'

/**
 * The glance tells the truth, live: `coffer serve` shows a card; `coffer record` in ANOTHER
 * process lowers its balance below the user's alert; the open page shows the new figure, the
 * warning colour with its reason, and the banner, within a few seconds and without a reload.
 */
describe('e2e: another process writes the ledger, the open dashboard follows (coffer serve + Chromium)', () => {
  let stack: E2eStack
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-live-',
      secrets: 'memory',
      startPolling: true,
      prepare: async ({ core }) => {
        const cash = await core.handlers['accounts:add']({ draft: { provider: 'manual', label: 'Cash', options: { unit: 'USD' } } })
        await core.handlers['credits:record']({ accountId: cash.id, kind: 'balance', amount: '10' })
        await core.handlers['rules:set']({ accountId: cash.id, kind: 'low_balance', below: { amount: '5' }, enabled: true, webhookFormat: 'auto' })
        const empty = await core.handlers['accounts:add']({ draft: { provider: 'manual', label: 'Empty', options: { unit: 'USD' } } })
        await core.handlers['accounts:poll']({ ids: [cash.id, empty.id] })
      }
    })
    ;({ page } = stack)
  })

  afterAll(() => stack?.close())

  const card = (label: string) => page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: label }) })
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: artifactPath(`live-${name}`), fullPage: true })

  it('shows each card’s state: a healthy one is up to date, one with nothing recorded says so', async () => {
    await page.goto(stack.app.server.url)
    await expect.poll(() => card('Cash').textContent(), { timeout: 15_000 }).toContain('$10.00')
    expect(await card('Cash').getAttribute('data-state')).toBe('ok')
    expect(await card('Cash').textContent()).toContain('Up to date')
    expect(await card('Empty').getAttribute('data-state')).toBe('no_data')
    expect(await card('Empty').textContent()).toContain('No data yet')
    expect(await card('Empty').textContent()).not.toContain('Up to date')
    expect(await page.getByTestId('alert-banner').count()).toBe(0)
    await shot('01-before')
  })

  it('coffer record in another process: new figure, warning colour with its reason, banner, no reload', async () => {
    const run = await runCoffer(['--home', stack.dataDir, 'record', 'Cash', '--type', 'balance', '--amount', '3'])
    expect(run.code, run.stderr).toBe(0)
    const start = Date.now()
    await expect.poll(() => card('Cash').textContent(), { timeout: 5_000, interval: 100 }).toContain('$3.00')
    await expect.poll(() => card('Cash').getAttribute('data-state'), { timeout: 5_000, interval: 100 }).toBe('warning')
    const pill = card('Cash').locator('.status-badge')
    expect(await pill.textContent()).toContain('Below your $5.00 alert')
    // The reason reaches screen readers as text (the card is described by its pill), not a tooltip alone.
    const describedBy = await card('Cash').getAttribute('aria-describedby')
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('below your alert at $5.00')
    await expect.poll(() => page.getByTestId('alert-banner').textContent(), { timeout: 5_000, interval: 100 }).toContain('Low balance — Cash')
    expect(Date.now() - start).toBeLessThan(5_000)
    await shot('02-after')
    expect(stack.app.consoleErrors).toEqual([])
  })
})
