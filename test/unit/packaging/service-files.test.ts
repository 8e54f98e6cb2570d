import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const docs = fileURLToPath(new URL('../../../docs', import.meta.url))
const unit = readFileSync(join(docs, 'service', 'coffer-serve.service'), 'utf8')
const plist = readFileSync(join(docs, 'service', 'dev.coffer.serve.plist'), 'utf8')
const scrapeConfig = readFileSync(join(docs, 'monitoring', 'prometheus.yml'), 'utf8')

/** The `<string>` values of the plist's ProgramArguments array. */
function programArguments(text: string): string[] {
  const array = /<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(text)?.[1] ?? ''
  return [...array.matchAll(/<string>([^<]*)<\/string>/g)].map((match) => match[1] as string)
}

describe('docs/service: coffer serve as a systemd user unit and a launchd agent', () => {
  it('both run `coffer serve --port 8787 --metrics`, the port the shipped scrape config targets', () => {
    expect(unit).toMatch(/^ExecStart=\/usr\/local\/bin\/coffer serve --port 8787 --metrics$/m)
    expect(programArguments(plist)).toEqual(['/usr/local/bin/coffer', 'serve', '--port', '8787', '--metrics'])
    expect(scrapeConfig).toContain("targets: ['127.0.0.1:8787']")
  })

  it('name the data folder the desktop app uses, and create files readable by the user only', () => {
    expect(unit).toContain('Environment=COFFER_HOME=%h/.config/Coffer')
    expect(unit).toContain('ReadWritePaths=%h/.config/Coffer')
    expect(unit).toMatch(/^UMask=0077$/m)
    expect(plist).toMatch(/<key>COFFER_HOME<\/key>\s*<string>\/Users\/YOU\/Library\/Application Support\/Coffer<\/string>/)
    expect(plist).toMatch(/<key>Umask<\/key>\s*<integer>63<\/integer>/) // 63 = 0o077
    // No key, token or secret is ever written into either file.
    for (const text of [unit, plist]) expect(text).not.toMatch(/token=|Bearer |sk-[A-Za-z0-9]/)
  })

  it('the unit passes `systemd-analyze verify` (where systemd is installed)', (context) => {
    const probe = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' })
    if (probe.error || probe.status !== 0) {
      console.warn('[coffer tests] skipped: systemd-analyze is not installed, so the unit file is only checked textually')
      context.skip()
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'coffer-unit-'))
    try {
      // verify checks that ExecStart exists: stand in a binary this machine has for coffer.
      const path = join(dir, 'coffer-serve.service')
      writeFileSync(path, unit.replace('/usr/local/bin/coffer', '/bin/true'))
      const result = spawnSync('systemd-analyze', ['verify', path], { encoding: 'utf8', timeout: 20_000 })
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0)
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/Unknown (key|section)|Invalid|Failed to parse/i)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
