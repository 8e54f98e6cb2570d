import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withoutCspMetaNotice } from '../helpers/browser'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { moonshotBalance } from '../simulator/shapes/moonshot'

/**
 * The form defects of issue 14.7, by keyboard and pointer in Chromium against `coffer serve`:
 * the custom endpoint's URL is labelled required and its error sits under it with the focus;
 * Test connection names the address that failed; an empty manual card records its balance in its
 * own unit (credits), prefilled.
 */
const POLL = { timeout: 15_000, interval: 100 }

describe('e2e: forms say what is required, where it went wrong, in the account’s unit (coffer serve + Chromium)', () => {
  let stack: E2eStack
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-forms-',
      secrets: 'memory',
      prepare: async ({ core, simulator }) => {
        simulator.route('GET', '/v1/users/me/balance', { status: 503, body: { error: { message: 'busy' } } }, moonshotBalance({ available: 1.5, voucher: 0, cash: 1.5 }))
        await core.handlers['accounts:add']({ draft: { provider: 'manual', label: 'Team credits', options: { unit: 'credits' } } })
      }
    })
    ;({ page } = stack)
    await page.goto(stack.app.server.url)
    await page.getByTestId('account-card').first().waitFor({ timeout: 15_000 })
  })

  afterAll(() => stack?.close())

  const focusedLabel = (): Promise<string | null> =>
    page.evaluate(() => {
      const focused = document.activeElement as HTMLInputElement | null
      return focused?.labels?.[0]?.textContent?.trim() ?? null
    })

  it('the custom endpoint’s URL is required, and its error sits under it with the focus', async () => {
    await page.getByRole('button', { name: 'Add account' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add an account' })
    await dialog.getByLabel('Provider').selectOption('custom')
    await dialog.getByLabel('Label').fill('My relay')
    // Not "URL (optional)": the form has no base URL that could stand in.
    const url = dialog.getByLabel('URL', { exact: true })
    expect(await page.locator(`label[for="${await url.getAttribute('id')}"]`).textContent()).toBe('URL')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(focusedLabel, POLL).toBe('URL')
    expect(await url.getAttribute('aria-invalid')).toBe('true')
    const described = (await url.getAttribute('aria-describedby')) ?? ''
    const errorText = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), described)
    expect(errorText).toContain('URL is required.')

    // A URL the key may not go to: the cross-option check's error lands under the URL too.
    await url.fill('http://example.com/balance')
    await dialog.getByLabel('JSON path to the balance').fill('data.balance')
    await dialog.getByLabel('Label').focus()
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(focusedLabel, POLL).toBe('URL')
    expect(await dialog.locator('.form-error').count()).toBe(0)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  it('Test connection names the address that failed', async () => {
    await page.getByRole('button', { name: 'Add account' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add an account' })
    await dialog.getByLabel('Provider').selectOption('moonshot')
    await dialog.getByLabel('Label').fill('Moon')
    await dialog.getByLabel(/API key/).fill('sk-moonshot-0123456789abcdef')
    await dialog.locator('summary', { hasText: 'Advanced' }).click()
    await dialog.getByLabel('Base URL').fill(stack.simulator.baseUrl)
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const result = dialog.getByTestId('test-result')
    await expect.poll(() => result.textContent(), POLL).toContain('HTTP 503')
    expect(await result.textContent()).toContain(`Address tried: ${stack.simulator.baseUrl}/v1/users/me/balance`)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  it('an empty manual card records its balance in its own unit, prefilled', async () => {
    const card = page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: 'Team credits' }) })
    await card.getByRole('button', { name: 'Record balance for Team credits' }).click()
    const dialog = page.getByRole('dialog', { name: 'Record for Team credits' })
    expect(await dialog.getByLabel('Type').inputValue()).toBe('balance')
    expect(await dialog.getByLabel('Unit').inputValue()).toBe('credits')
    await dialog.getByLabel('Amount').fill('1')
    await dialog.getByRole('button', { name: 'Record', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    // "1 credit", not "1 credits".
    await expect.poll(() => card.locator('.primary-amount').textContent(), POLL).toBe('1 credit')
    expect(withoutCspMetaNotice(stack.app.consoleErrors)).toEqual([])
  })
})
