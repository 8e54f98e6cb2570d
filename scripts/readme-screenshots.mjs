// Retakes the README's screenshots from the current build: `coffer serve --demo` (bin/coffer.js)
// in Debian's Chromium. Build first (`npx electron-vite build`), then:
//   node scripts/readme-screenshots.mjs
// and LOOK at docs/screenshot.png and docs/records-dark.png before committing them.
// Callbacks given to page.evaluate() run in the browser page, where these exist.
/* global document, window */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'

const root = fileURLToPath(new URL('..', import.meta.url))
const launch = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
}

/** Starts `coffer serve --demo` and resolves with the printed URL (token in its fragment). */
function serveDemo() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/coffer.js', 'serve', '--demo'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`coffer serve printed no URL within 60 s:\n${output}`)), 60_000)
    const onData = (chunk) => {
      output += chunk.toString('utf8')
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[0] })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`coffer serve exited with ${code}:\n${output}`)))
  })
}

async function settle(page) {
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(800)
}

const { child, url } = await serveDemo()
const browser = await chromium.launch(launch)
try {
  const common = { locale: 'en-US', timezoneId: 'UTC' }

  const light = await browser.newContext({ ...common, colorScheme: 'light', viewport: { width: 1280, height: 800 } })
  const overview = await light.newPage()
  await overview.goto(url)
  await overview.getByTestId('overview-totals').waitFor({ timeout: 30_000 })
  await overview.locator('canvas[role="img"]').first().waitFor()
  await settle(overview)
  await overview.screenshot({ path: `${root}docs/screenshot.png` })

  const dark = await browser.newContext({ ...common, colorScheme: 'dark', viewport: { width: 1280, height: 1000 } })
  const records = await dark.newPage()
  await records.goto(url)
  await records.getByTestId('account-card').first().waitFor({ timeout: 30_000 })
  await records.evaluate(() => {
    window.location.hash = '#/records/spend'
  })
  await records.getByTestId('record-row').first().waitFor()
  await settle(records)
  await records.screenshot({ path: `${root}docs/records-dark.png` })
  console.log('wrote docs/screenshot.png and docs/records-dark.png: look at both before committing')
} finally {
  await browser.close()
  child.kill('SIGTERM')
}
