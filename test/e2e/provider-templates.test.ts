import { readFileSync } from 'node:fs'
import type { Page } from 'playwright'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { relaySubscription, relayUsage } from '../simulator/shapes/relay'
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack'
import { describeWithKeychain } from '../helpers/keychain'
import { artifactPath } from '../helpers/served-core'

const relayToken = 'relay-token-0123456789abcdefTEMPLATE'

describeWithKeychain('e2e: provider templates in the add-account dialog (issue 13)', () => {
  let stack: E2eStack
  let page: Page

  beforeAll(async () => {
    stack = await startE2eStack({
      prefix: 'coffer-e2e-templates-',
      startPolling: true,
      context: { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
      prepare: ({ simulator }) => {
        simulator.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(730.5))
        simulator.route('GET', '/v1/dashboard/billing/usage', relayUsage(12345))
      }
    })
    ;({ page } = stack)
  })

  afterAll(() => stack?.close())

  const openDialog = async () => {
    await page.getByRole('button', { name: /Add (your first )?account/ }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Add an account' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.getByLabel('Provider').selectOption('custom')
    return dialog
  }

  it('a bundled template fills in a CNY relay; with the site’s URL and a token the card shows yuan', async () => {
    await page.goto(stack.app.server.url)
    const dialog = await openDialog()
    await dialog.getByLabel(/^Template/).selectOption({ label: 'new-api relay (site shows CNY)' })
    await expect.poll(() => dialog.getByLabel('Label').inputValue()).toBe('new-api relay (site shows CNY)')
    expect(await dialog.getByLabel(/^Unit/).inputValue()).toBe('CNY')
    expect(await dialog.getByLabel(/^Kind/).inputValue()).toBe('openai-compatible-relay')
    await dialog.getByLabel('URL', { exact: true }).fill(stack.simulator.baseUrl)
    await dialog.getByLabel(/Key or token/).fill(relayToken)
    await page.screenshot({ path: artifactPath('templates-01-bundled'), fullPage: true })

    // Export: the settings, never the token.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export settings' }).click()])
    expect(download.suggestedFilename()).toBe('new-api-relay-site-shows-cny.coffer-template.json')
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).not.toContain(relayToken)
    expect(JSON.parse(text)).toMatchObject({ kind: 'coffer-provider-template', options: { preset: 'openai-compatible-relay', unit: 'CNY', url: stack.simulator.baseUrl } })

    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const card = page.getByTestId('account-card').filter({ has: page.getByRole('heading', { name: 'new-api relay (site shows CNY)' }) })
    // 730.5 − 123.45 = 607.05, in yuan.
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/607\.05/)
    expect(await card.textContent()).toMatch(/CN¥|CNY/)

    // The saved account's settings can be shared from its Edit dialog too, still without the token.
    await card.getByRole('button', { name: 'Edit new-api relay (site shows CNY)' }).click()
    const edit = page.getByRole('dialog', { name: /^Edit / })
    await expect.poll(() => edit.isVisible()).toBe(true)
    const [saved] = await Promise.all([page.waitForEvent('download'), edit.getByRole('button', { name: 'Export settings as a template' }).click()])
    const savedText = readFileSync(await saved.path(), 'utf8')
    expect(savedText).not.toContain(relayToken)
    expect(JSON.parse(savedText)).toMatchObject({ name: 'new-api relay (site shows CNY)', options: { preset: 'openai-compatible-relay', unit: 'CNY', url: stack.simulator.baseUrl } })
    await edit.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => edit.count()).toBe(0)
  })

  it('imports a shared file, and refuses one that carries a key with a sentence (its value never shown)', async () => {
    const dialog = await openDialog()
    const file = dialog.getByTestId('template-file')
    const template = { kind: 'coffer-provider-template', version: 1, name: 'Shared balance', provider: 'custom', options: { url: 'https://api.example.com/balance', balancePath: 'data.left', unit: 'credits' } }
    await file.setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) })
    await expect.poll(() => dialog.getByLabel(/JSON path to the balance/).inputValue()).toBe('data.left')
    expect(await dialog.getByLabel('Label').inputValue()).toBe('Shared balance')

    const leaky = { ...template, options: { ...template.options, apiKey: 'sk-live-LEAKLEAKLEAK' } }
    await file.setInputFiles({ name: 'leaky.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(leaky)) })
    const alert = dialog.getByRole('alert')
    await expect.poll(() => alert.textContent()).toMatch(/looks like a credential: a template never carries a key or token/)
    expect(await dialog.textContent()).not.toContain('LEAK')
    await page.screenshot({ path: artifactPath('templates-02-refused'), fullPage: true })
  })
})
