import { randomBytes } from 'node:crypto'
import type { Page } from 'playwright'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SimHandler } from '../simulator/provider-simulator'
import { openrouterCredits, openrouterError, openrouterKey } from '../simulator/shapes/openrouter'
import { withoutCspMetaNotice } from '../helpers/browser'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { describeWithKeychain } from '../helpers/keychain'
import { artifactPath } from '../helpers/served-core'

/**
 * End to end: Debian's Chromium, driven by Playwright, against `coffer serve` (the same
 * startWebServer + createCore the command runs, in-process so the test owns its lifetime) with the
 * real keychain (a throw-away service in the private test keyring) and the provider simulator.
 */

const goodKey = `sk-or-v1-${randomBytes(16).toString('hex')}`
const revokedKey = `sk-or-v1-${randomBytes(16).toString('hex')}`

/** When set, the provider is down for the good key too (to see stale figures). */
let outage: SimHandler | null = null

/** Answers by key, like the real provider: the good key reads its credits, the revoked one gets 401 everywhere. */
function byKey(good: SimHandler): SimHandler {
  return (req) => {
    if (req.headers.authorization !== `Bearer ${goodKey}`) return openrouterError(401, 'User not found.')
    const answer = outage ?? good
    return typeof answer === 'function' ? answer(req) : answer
  }
}

describeWithKeychain('e2e: add an OpenRouter account through the UI (coffer serve + Chromium + simulator)', () => {
  let stack: E2eStack
  let simulator: E2eStack['simulator']
  let core: E2eStack['core']
  let app: E2eStack['app']
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-',
      startPolling: true,
      context: { viewport: { width: 1280, height: 860 } },
      prepare: ({ simulator }) => {
        simulator.route('GET', '/api/v1/credits', byKey(openrouterCredits({ totalCredits: 100, totalUsage: 25.5 })))
        simulator.route('GET', '/api/v1/key', byKey(openrouterKey({ limit: null, limitRemaining: null, usage: 25.5 })))
        simulator.route('GET', '/api/v1/activity', byKey({ body: { data: [] } }))
      }
    })
    ;({ simulator, core, app, page } = stack)
  })

  afterAll(() => stack?.close())

  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: artifactPath(name), fullPage: true })

  async function addOpenRouterAccount(label: string, key: string): Promise<void> {
    await page.getByRole('button', { name: 'Add account', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Add an account' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.getByLabel('Provider').selectOption('openrouter')
    await dialog.getByLabel('Label').fill(label)
    await dialog.getByLabel('API key').fill(key)
    await dialog.getByText('Advanced').click()
    await dialog.getByLabel(/Base URL/).fill(simulator.baseUrl)
    await shot(`add-dialog-${label.toLowerCase()}`)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)
  }

  const card = (label: string) => page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: label }) })

  it('opens the printed URL and shows the first-run empty state', async () => {
    await page.goto(app.server.url)
    await expect.poll(() => page.getByRole('heading', { name: /Know what’s left on every AI API key/ }).isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await page.getByRole('button', { name: 'Add your first account' }).isVisible()).toBe(true)
    expect(await page.getByTestId('account-card').count()).toBe(0)
    // The token moved out of the address bar (it travels in the fragment only).
    expect(page.url()).not.toContain(app.server.token)
    await shot('01-empty-state')
  })

  it('adds an OpenRouter account and its card shows the balance from the simulator', async () => {
    await addOpenRouterAccount('Personal', goodKey)

    const personal = card('Personal')
    await expect.poll(() => personal.textContent(), { timeout: 15_000 }).toContain('$74.50')
    const text = (await personal.textContent()) ?? ''
    expect(text).toContain('OpenRouter')
    expect(text).toContain('Up to date')
    expect(text).toContain('official')
    expect(text).not.toContain('Stale')
    await shot('02-balance')

    expect(simulator.requestsTo('/api/v1/credits').some((r) => r.headers.authorization === `Bearer ${goodKey}`)).toBe(true)
    const stored = await stack.secrets.get((await core.handlers['accounts:list']({}))[0]?.id as string)
    expect(stored).toBe(goodKey)
  })

  it('adds a second account whose key is rejected: its card says so clearly', async () => {
    await addOpenRouterAccount('Revoked', revokedKey)

    const revoked = card('Revoked')
    await expect.poll(() => revoked.textContent(), { timeout: 15_000 }).toContain('Key rejected')
    const alert = revoked.getByRole('alert')
    expect(await alert.textContent()).toMatch(/rejected the key/)
    expect(await revoked.getByRole('button', { name: 'Replace key' }).isVisible()).toBe(true)
    expect(await revoked.textContent()).toContain('No balance yet')
    // The good account is untouched.
    expect(await card('Personal').textContent()).toContain('$74.50')
    expect(await page.getByTestId('account-card').count()).toBe(2)
    await shot('03-auth-failed')
  })

  it('a failed refresh keeps the last balance on the card, marked stale', async () => {
    outage = openrouterError(503, 'Service temporarily unavailable')
    const personal = card('Personal')
    await personal.getByRole('button', { name: 'Refresh Personal' }).click()

    await expect.poll(() => personal.textContent(), { timeout: 15_000 }).toContain('Stale')
    const text = (await personal.textContent()) ?? ''
    expect(text).toContain('$74.50')
    expect(text).toContain('Provider reported an error')
    expect(text).toMatch(/HTTP 503/)
    await shot('04-stale')
    outage = null
  })

  it('never shows either key in the page', async () => {
    const html = await page.content()
    expect(html).not.toContain(goodKey)
    expect(html).not.toContain(revokedKey)
    expect(withoutCspMetaNotice(app.consoleErrors)).toEqual([])
  })
})

