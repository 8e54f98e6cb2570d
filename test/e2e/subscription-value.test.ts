import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { artifactPath, serveInChromium, type ServedApp } from '../helpers/served-core'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { callOk, createTestCore } from '../helpers/test-core'

/**
 * End to end (issue 12.4): a Claude Code account reading a log folder, served by `coffer serve` to
 * Chromium: its card shows the cycle's API-equivalent value against the plan's fee, and the Plans
 * page shows the value report with its chart per cycle.
 */
describe('e2e: a Claude Code subscription valued on the Overview and Plans pages', () => {
  let dataDir: string
  let core: Core
  let app: ServedApp
  let page: Page

  beforeAll(async () => {
    dataDir = await makeTempDir('coffer-e2e-subscriptions-')
    const projects = join(dataDir, 'claude', 'projects', '-home-dev-app')
    await mkdir(projects, { recursive: true })
    const now = new Date()
    const line = (id: string): string =>
      JSON.stringify({
        type: 'assistant',
        requestId: `req_${id}`,
        timestamp: now.toISOString(),
        message: { id: `msg_${id}`, model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'PRIVATE ANSWER' }], usage: { input_tokens: 1_000_000, output_tokens: 2_000_000 } }
      })
    // $3 + $30 = $33 per request at Sonnet 4.5 list prices; two requests = $66 against Claude Max 5×'s $100.
    await writeFile(join(projects, 'session.jsonl'), `${line('1')}\n${line('1')}\n${line('2')}\n`)
    core = createTestCore(join(dataDir, 'data'))
    const account = await callOk(core, 'accounts:add', {
      draft: { provider: 'claude-code', label: 'Claude Max', options: { dir: join(dataDir, 'claude', 'projects'), plan: 'claude-max-5x', renewsOn: now.toISOString().slice(0, 10) } }
    })
    await callOk(core, 'accounts:poll', { ids: [account.id] })
    app = await serveInChromium(core, { colorScheme: 'light' })
    page = app.page
  })

  afterAll(async () => {
    await app?.close()
    core?.close()
    if (dataDir) await removeTempDir(dataDir)
  })

  it('shows the cycle-to-date value on the card and the report with a chart on the Plans page, never the transcripts’ text', async () => {
    await page.goto(app.server.url)
    const value = page.getByTestId('subscription-cycle-value')
    await expect.poll(() => value.textContent(), { timeout: 15_000 }).toBe('Claude Max 5× ($100.00): $66.00 of API-equivalent use this cycle, 0.7×.')
    await page.screenshot({ path: artifactPath('subscription-card') })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plans' }).click()
    const report = page.getByTestId('subscription-value')
    await expect.poll(() => report.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await report.textContent()).toContain('Cheapest alternative: Anthropic API at list prices, $66.00 this cycle')
    const chart = report.locator('canvas')
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^API-equivalent value per billing cycle: .*\$66\.00 against \$100\.00$/)
    await page.screenshot({ path: artifactPath('subscription-plans'), fullPage: true })
    expect(await page.content()).not.toContain('PRIVATE')
  })
})
