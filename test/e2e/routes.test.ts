import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withoutCspMetaNotice } from '../helpers/browser'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'

/**
 * Hash routes (issue 14.4) in Chromium against `coffer serve`: every page and records tab writes
 * its own address, a reload comes back to it, back / forward follow it, and `#/accounts/<id>` (the
 * link alerts and notifications carry) opens that account's card.
 */
const POLL = { timeout: 15_000, interval: 100 }

describe('e2e: every page and tab has its own address (coffer serve + Chromium)', () => {
  let stack: E2eStack
  let page: Page
  let lowId = ''
  let origin = ''

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-routes-',
      secrets: 'memory',
      prepare: async ({ core }) => {
        // Enough accounts that the one a link names sits below the fold, and one with an open alert.
        for (let index = 1; index <= 7; index++) {
          await core.handlers['accounts:add']({ draft: { provider: 'manual', label: `Wallet ${index}`, options: { unit: 'USD' } } })
        }
        const low = await core.handlers['accounts:add']({ draft: { provider: 'manual', label: 'Running low', options: { unit: 'USD' } } })
        lowId = low.id
        await core.handlers['credits:record']({ accountId: low.id, kind: 'balance', amount: '3' })
        await core.handlers['rules:set']({ accountId: low.id, kind: 'low_balance', below: { amount: '5' }, enabled: true, webhookFormat: 'auto' })
        await core.handlers['accounts:poll']({ ids: [low.id] })
      }
    })
    ;({ page } = stack)
    origin = new URL(stack.app.server.url).origin
    // The printed URL carries the session token in its fragment; the page keeps it for the tab.
    await page.goto(stack.app.server.url)
    await page.getByTestId('account-card').first().waitFor({ timeout: 15_000 })
  })

  afterAll(() => stack?.close())

  const hash = (): Promise<string> => page.evaluate(() => window.location.hash)
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })
  const currentPage = (): Promise<string | null> => page.locator('.main-nav [aria-current="page"]').textContent()

  it('each page of the navigation writes its own address, and a reload comes back to it', async () => {
    for (const [name, expected] of [
      ['Alerts', '#/alerts'],
      ['Plans', '#/plans'],
      ['Settings', '#/settings'],
      ['Overview', '#/overview']
    ] as const) {
      await nav(name).click()
      await expect.poll(hash, POLL).toBe(expected)
      await page.reload()
      await expect.poll(currentPage, POLL).toBe(name)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), POLL).toBe(name)
      expect(await hash()).toBe(expected)
    }
  })

  it('each records tab has its own address; a reload reopens that tab; back and forward follow', async () => {
    await nav('Records').click()
    // The page fills in the tab it shows.
    await expect.poll(hash, POLL).toBe('#/records/spend')
    await page.getByRole('tab', { name: 'Polls' }).click()
    await expect.poll(hash, POLL).toBe('#/records/polls')
    await page.reload()
    await expect.poll(() => page.getByRole('tab', { name: 'Polls' }).getAttribute('aria-selected'), POLL).toBe('true')
    expect(await currentPage()).toBe('Records')

    // Keyboard: the arrow keys move between tabs, and the address follows.
    await page.getByRole('tab', { name: 'Polls' }).focus()
    await page.keyboard.press('ArrowLeft')
    await expect.poll(hash, POLL).toBe('#/records/credits')

    await page.goBack()
    await expect.poll(() => page.getByRole('tab', { name: 'Polls' }).getAttribute('aria-selected'), POLL).toBe('true')
    await page.goForward()
    await expect.poll(() => page.getByRole('tab', { name: 'Credit adjustments' }).getAttribute('aria-selected'), POLL).toBe('true')
  })

  it('an address typed or bookmarked opens its page; an unknown one shows the overview', async () => {
    await page.goto(`${origin}/#/records/usage`)
    await expect.poll(() => page.getByRole('tab', { name: 'Usage by model' }).getAttribute('aria-selected'), POLL).toBe('true')
    await page.goto(`${origin}/#/no-such-page`)
    await expect.poll(currentPage, POLL).toBe('Overview')
  })

  it('#/accounts/<id> scrolls to that account’s card and gives it the focus, also after a reload', async () => {
    await page.setViewportSize({ width: 900, height: 600 })
    await page.goto(`${origin}/#/accounts/${lowId}`)
    await page.reload()
    const card = page.locator(`#account-${lowId}`)
    await expect.poll(() => card.evaluate((element) => document.activeElement === element), POLL).toBe(true)
    expect(await card.getAttribute('class')).toContain('card-targeted')
    const inView = await card.evaluate((element) => {
      const box = element.getBoundingClientRect()
      return box.top < window.innerHeight && box.bottom > 0
    })
    expect(inView).toBe(true)
  })

  it('an alert links to its account: "Open the account" on the Alerts page and the banner’s name', async () => {
    await page.goto(`${origin}/#/alerts`)
    const item = page.getByTestId('alert-item').filter({ hasText: 'Running low' }).first()
    await item.waitFor({ timeout: 15_000 })
    await item.getByRole('link', { name: 'Open Running low on the overview' }).click()
    await expect.poll(hash, POLL).toBe(`#/accounts/${lowId}`)
    await expect.poll(() => page.locator(`#account-${lowId}`).evaluate((element) => document.activeElement === element), POLL).toBe(true)

    await nav('Plans').click()
    await page.getByTestId('alert-banner').getByRole('link', { name: 'Running low' }).click()
    await expect.poll(hash, POLL).toBe(`#/accounts/${lowId}`)
    await expect.poll(currentPage, POLL).toBe('Overview')
  })

  it('an account that is gone says so and shows the overview', async () => {
    await page.goto(`${origin}/#/accounts/acc_zzzzzzzzzz`)
    await expect.poll(() => page.locator('.toast-message').allTextContents(), POLL).toContain('That account is no longer in Coffer.')
    await expect.poll(hash, POLL).toBe('#/overview')
    expect(withoutCspMetaNotice(stack.app.consoleErrors)).toEqual([])
  })
})
