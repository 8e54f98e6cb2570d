import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/contract'
import type { Wire } from '../../src/shared/errors'
import { JsonFilePreferencesStore, PREFERENCES_FILE_NAME } from '../../src/main/core/preferences/preferences-store'
import { openrouterCredits, openrouterKey } from '../simulator/shapes/openrouter'
import { launchChromium, openWatchedPage, withoutCspMetaNotice } from '../helpers/browser'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { describeWithKeychain, testKeychainService } from '../helpers/keychain'
import { artifactPath, requireBuiltRenderer } from '../helpers/served-core'
import { startServeProcess, type ServeProcess } from '../helpers/serve-subprocess'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { callOk } from '../helpers/test-core'

/**
 * End to end: the Settings page and the Edit-account dialog in Debian's Chromium against
 * `coffer serve` in-process, with preferences in the data folder's config.json (as the command
 * keeps them), the real keychain (a throw-away service) and the provider simulator.
 */

const routerKey = `sk-or-v1-${randomBytes(16).toString('hex')}`
const managementKey = `sk-or-v1-${randomBytes(16).toString('hex')}`

describeWithKeychain('e2e: Settings page and Edit-account dialog (coffer serve + Chromium)', () => {
  let stack: E2eStack
  let simulator: E2eStack['simulator']
  let secrets: E2eStack['secrets']
  let core: E2eStack['core']
  let dataDir: string
  let app: E2eStack['app']
  let page: Page
  let routerId: string

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-settings-',
      preferences: (folder) => new JsonFilePreferencesStore(folder),
      context: { viewport: { width: 1280, height: 1000 } },
      prepare: async ({ simulator, core }) => {
        simulator.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 50, totalUsage: 12 }))
        simulator.route('GET', '/api/v1/key', openrouterKey({ limit: null, limitRemaining: null, usage: 12 }))
        simulator.route('GET', '/api/v1/activity', { body: { data: [] } })
        await callOk(core, 'accounts:add', { draft: { provider: 'manual', label: 'Subscriptions', options: { plan: 'ChatGPT Plus' } } })
        await callOk(core, 'accounts:add', { draft: { provider: 'manual', label: 'Team', options: {} } })
        const router = await callOk(core, 'accounts:add', {
          draft: { provider: 'openrouter', label: 'Router', baseUrl: simulator.baseUrl, options: {} },
          key: routerKey
        })
        routerId = router.id
      }
    })
    ;({ simulator, secrets, core, dataDir, app, page } = stack)
  })

  afterAll(() => stack?.close())

  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: artifactPath(name), fullPage: true })
  const nav = (title: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title })
  const card = (label: string) => page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: label, exact: true }) })
  const intervalField = () => page.getByLabel('Check new accounts every (minutes)')

  /** `accounts:list` through the page's own bridge transport (the served HTTP API, with its token). */
  async function listViaBridge(): Promise<AccountView[]> {
    const wire = await page.evaluate(async (token) => {
      const response = await fetch('/api/call/accounts:list', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}'
      })
      return (await response.json()) as unknown
    }, app.server.token)
    const envelope = wire as Wire<AccountView[]>
    if (!envelope.ok) throw new Error(`accounts:list failed: ${envelope.message}`)
    return envelope.value
  }

  async function openSettings(): Promise<void> {
    await nav('Settings').click()
    await expect.poll(() => page.getByRole('heading', { name: 'Settings', level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => intervalField().isVisible(), { timeout: 15_000 }).toBe(true)
  }

  async function setHeaderTheme(theme: 'light' | 'dark'): Promise<void> {
    await page.getByRole('banner').getByLabel('Theme').selectOption(theme)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
  }

  it('shows the keychain, data folder, version and a launch-at-login note for coffer serve', async () => {
    await page.goto(app.server.url)
    await expect.poll(() => page.getByTestId('account-card').count(), { timeout: 15_000 }).toBe(3)
    await openSettings()

    expect(await intervalField().inputValue()).toBe('15')
    expect(await page.getByTestId('keychain-status').textContent()).toContain('Available')
    expect(await page.getByTestId('data-dir').textContent()).toBe(dataDir)
    expect(await page.getByTestId('app-version').textContent()).toBe((await callOk(core, 'app:info', {})).version)
    // Not the desktop app: no switch, a sentence saying where the setting lives.
    expect(await page.getByRole('checkbox', { name: /Launch Coffer when I log in/ }).count()).toBe(0)
    expect(await page.getByRole('main').textContent()).toMatch(/applies to the Coffer desktop app/)
    expect(await page.getByTestId('fx-summary').textContent()).toContain('Totals are shown in USD')
  })

  it('refuses an interval outside 1–1440 next to the field, and keeps the saved one', async () => {
    await intervalField().fill('0')
    await page.getByRole('form', { name: 'Default check interval' }).getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => intervalField().getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByRole('main').textContent()).toContain('Enter whole minutes between 1 and 1440.')
    expect((await callOk(core, 'preferences:get', {})).defaultPollIntervalMinutes).toBe(15)
  })

  it('saves a new default interval, which survives a reload and is used for new accounts', async () => {
    await intervalField().fill('45')
    await page.getByRole('form', { name: 'Default check interval' }).getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByText('New accounts will be checked every 45 minutes.').isVisible()).toBe(true)
    expect(await intervalField().getAttribute('aria-invalid')).toBe('false')
    // Stored where `coffer serve` keeps it.
    const file = JSON.parse(readFileSync(join(dataDir, PREFERENCES_FILE_NAME), 'utf8')) as { defaultPollIntervalMinutes: number }
    expect(file.defaultPollIntervalMinutes).toBe(45)

    await page.reload()
    await expect.poll(() => nav('Settings').isVisible(), { timeout: 15_000 }).toBe(true)
    await openSettings()
    await expect.poll(() => intervalField().inputValue()).toBe('45')

    // The add-account form starts from it.
    await nav('Overview').click()
    await page.getByRole('button', { name: 'Add account', exact: true }).click()
    const adding = page.getByRole('dialog', { name: 'Add an account' })
    await expect.poll(() => adding.isVisible()).toBe(true)
    expect(await adding.getByLabel('Check every (minutes)').inputValue()).toBe('45')
    await adding.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => adding.count()).toBe(0)
    await openSettings()
  })

  it('keeps the theme in step with the header select, both ways', async () => {
    await page.getByRole('radio', { name: /^Dark/ }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await page.getByRole('banner').getByLabel('Theme').inputValue()).toBe('dark')
    await expect.poll(async () => (await callOk(core, 'preferences:get', {})).theme).toBe('dark')
    await shot('settings-dark')

    await setHeaderTheme('light')
    await expect.poll(() => page.getByRole('radio', { name: /^Light/ }).isChecked()).toBe(true)
    await shot('settings-light')
  })

  it('opens the exchange-rate dialog and shows the saved home currency', async () => {
    await page.getByRole('button', { name: 'Home currency and exchange rates…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Exchange rates' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect.poll(() => dialog.getByLabel('Home currency').inputValue()).toBe('USD')
    await dialog.getByLabel('Home currency').fill('eur')
    await dialog.getByRole('button', { name: 'Save rates' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => page.getByTestId('fx-summary').textContent()).toContain('Totals are shown in EUR')
    expect((await callOk(core, 'fx:get', {})).home).toBe('EUR')
  })

  it('edits an account’s label and check interval from its card', async () => {
    await nav('Overview').click()
    // By keyboard: Enter opens the dialog on the label, Escape closes it and focus goes back.
    const edit = card('Team').getByRole('button', { name: 'Edit Team' })
    await edit.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Edit Team' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.getByLabel('Label').evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await edit.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.getByLabel('Label').inputValue()).toBe('Team')
    expect(await dialog.getByLabel('Check every (minutes)').inputValue()).toBe('1440')
    // A manual account has no address and no key: neither is offered.
    expect(await dialog.getByLabel(/Base URL/).count()).toBe(0)
    expect(await dialog.getByText('Replace secrets').count()).toBe(0)

    // Inline errors from the contract's schemas first.
    await dialog.getByLabel('Label').fill(' ')
    await dialog.getByLabel('Check every (minutes)').fill('2000')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => dialog.textContent()).toContain('Give the account a label.')
    expect(await dialog.textContent()).toContain('Enter whole minutes between 1 and 1440.')
    expect(await dialog.getByLabel('Label').evaluate((element) => element === document.activeElement)).toBe(true)

    await dialog.getByLabel('Label').fill('Team budget')
    await dialog.getByLabel('Check every (minutes)').fill('90')
    expect(await dialog.textContent()).toContain('now every 90 minutes')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    await expect.poll(() => card('Team budget').count()).toBe(1)
    await shot('edit-overview-light')
    expect(await card('Team').count()).toBe(0)
    const edited = (await listViaBridge()).find((account) => account.label === 'Team budget')
    expect(edited?.pollIntervalMinutes).toBe(90)
    expect(edited?.provider).toBe('manual')
  })

  it('shows a taken label next to the field and stores no secret typed with it', async () => {
    await setHeaderTheme('dark')
    await card('Router').getByRole('button', { name: 'Edit Router' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit Router' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    // The overriding base URL is shown; empty would mean the provider default, which the help names.
    expect(await dialog.getByLabel(/Base URL/).inputValue()).toBe(simulator.baseUrl)
    expect(await dialog.textContent()).toContain('Leave empty to use https://openrouter.ai')
    // Secrets start empty: they never come back from main.
    expect(await dialog.getByLabel(/New API key/).inputValue()).toBe('')
    expect(await dialog.getByLabel(/New management key/).inputValue()).toBe('')
    await shot('edit-dialog-dark')

    await dialog.getByLabel('Label').fill('Subscriptions')
    await dialog.getByLabel(/New management key/).fill(managementKey)
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => dialog.textContent()).toContain('An account called “Subscriptions” already exists. Choose another label.')
    expect(await dialog.getByLabel('Label').getAttribute('aria-invalid')).toBe('true')
    expect(await dialog.isVisible()).toBe(true)
    await shot('edit-dialog-conflict-dark')
    expect(await secrets.get(routerId, 'managementKey')).toBeNull()
    expect((await listViaBridge()).find((account) => account.id === routerId)?.label).toBe('Router')

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
  })

  it('replaces a secret option only when typed, and never shows it', async () => {
    await setHeaderTheme('light')
    await card('Router').getByRole('button', { name: 'Edit Router' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit Router' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await shot('edit-dialog-light')
    await dialog.getByLabel(/New management key/).fill(managementKey)
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    await expect.poll(() => secrets.get(routerId, 'managementKey')).toBe(managementKey)
    // The key itself was left empty, so it is unchanged.
    expect(await secrets.get(routerId)).toBe(routerKey)
    const html = await page.content()
    expect(html).not.toContain(managementKey)
    expect(html).not.toContain(routerKey)
    expect(JSON.stringify(await listViaBridge())).not.toContain(managementKey)
    expect(withoutCspMetaNotice(app.consoleErrors)).toEqual([])
  })
})

describe('e2e: Settings when no keychain is reachable (coffer serve subprocess without D-Bus)', () => {
  let home: string
  let serve: ServeProcess | null = null
  let browser: Browser | null = null

  beforeAll(async () => {
    requireBuiltRenderer()
    home = await makeTempDir('coffer-e2e-nokeychain-')
    // No session bus and no display: libsecret cannot find (or autolaunch) a Secret Service, as on a
    // headless machine without gnome-keyring. A throw-away service name in case one answers anyway.
    const env: NodeJS.ProcessEnv = { ...process.env, COFFER_KEYCHAIN_SERVICE: testKeychainService() }
    for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR']) delete env[name]
    serve = await startServeProcess(['--home', home, 'serve'], env)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    if (home) await removeTempDir(home)
  })

  it('says the keychain is not available and what to install or unlock, in light and dark', async () => {
    const { page, consoleErrors } = await openWatchedPage(browser as Browser, { viewport: { width: 1280, height: 1000 } })
    await page.goto((serve as ServeProcess).url.href)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const status = page.getByTestId('keychain-status')
    await expect.poll(() => status.isVisible(), { timeout: 15_000 }).toBe(true)
    const text = (await status.textContent()) ?? ''
    expect(text).toContain('Not available')
    expect(text).toMatch(/gnome-keyring/)
    expect(text).toContain('accounts cannot be added or checked with a key')
    expect(await page.getByTestId('data-dir').textContent()).toBe(home)

    await page.getByRole('radio', { name: /^Light/ }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await status.screenshot({ path: artifactPath('settings-keychain-missing-light') })
    await page.getByRole('radio', { name: /^Dark/ }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: artifactPath('settings-keychain-missing-dark'), fullPage: true })
    expect(withoutCspMetaNotice(consoleErrors)).toEqual([])
  })
})

describe('e2e: Settings as the desktop app shows it (runtime electron)', () => {
  let stack: E2eStack
  let core: E2eStack['core']
  let app: E2eStack['app']

  beforeAll(async () => {
    // The page decides from app:info's runtime; the Electron shell applies the preference to the OS
    // (src/main/shell/preferences.ts), which this test does not reach.
    stack = await startE2eStack({ prefix: 'coffer-e2e-electron-settings-', runtime: 'electron', secrets: 'memory' })
    ;({ core, app } = stack)
  })

  afterAll(() => stack?.close())

  it('offers launch at login as a checkbox that saves at once', async () => {
    const { page } = app
    await page.goto(app.server.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const launch = page.getByRole('checkbox', { name: 'Launch Coffer when I log in' })
    await expect.poll(() => launch.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await launch.isChecked()).toBe(false)
    expect(await page.getByRole('main').textContent()).not.toMatch(/applies to the Coffer desktop app/)

    await launch.focus()
    await page.keyboard.press('Space')
    await expect.poll(async () => (await callOk(core, 'preferences:get', {})).launchAtLogin).toBe(true)
    // The server saves before the page has read its answer: the box follows a moment later.
    await expect.poll(() => launch.isChecked()).toBe(true)
    await launch.click()
    await expect.poll(async () => (await callOk(core, 'preferences:get', {})).launchAtLogin).toBe(false)
    expect(withoutCspMetaNotice(app.consoleErrors)).toEqual([])
  })
})
