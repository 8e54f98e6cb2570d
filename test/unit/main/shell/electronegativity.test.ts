import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../../../src/main/shell/window-options'
import { repoRoot } from '../../../helpers/run-coffer'

/** One finding as scripts/electronegativity.mjs prints it. */
interface Finding {
  id: string
  file: string
  line: number
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'
  confidence: string
  description: string
}
interface Scan {
  electronVersion: string
  files: string[]
  checks: number
  errors: { file: string; message: string }[]
  issues: Finding[]
}
interface Accepted {
  check: string
  file: string
  reason: string
  excerpt: string
}

const acceptedPath = join(repoRoot, 'docs/security/electronegativity-accepted.json')
const accepted = (JSON.parse(readFileSync(acceptedPath, 'utf8')) as { accepted: Accepted[] }).accepted
const matches = (entry: Accepted, finding: Finding): boolean => entry.check === finding.id && entry.file === finding.file
const where = (finding: Finding): string => `${finding.id} ${finding.severity} at ${finding.file}:${finding.line} — ${finding.description}`

/**
 * Issue 11.7: Electron hardening checked, not assumed. Electronegativity (static analysis, no
 * Electron binary) scans the shell, the main entry and the preload; every HIGH or MEDIUM finding
 * is either fixed or listed, with its reason, in docs/security/electronegativity-accepted.json.
 */
describe('Electronegativity over the shell, main entry and preload', () => {
  let scan: Scan
  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts/electronegativity.mjs')], { cwd: repoRoot, timeout: 60_000 })
    scan = JSON.parse(stdout) as Scan
  }, 60_000)

  it('scans every file it is meant to, with the installed Electron version, and parses all of them', () => {
    expect(scan.files).toEqual(expect.arrayContaining(['src/main/index.ts', 'src/main/shell/main-window.ts', 'src/main/shell/window-options.ts', 'src/main/shell/navigation-guard.ts', 'src/preload/index.ts']))
    expect(scan.electronVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(scan.checks).toBeGreaterThan(30)
    expect(scan.errors).toEqual([])
  })

  it('has no HIGH or MEDIUM finding that is not explained in the accepted list', () => {
    const serious = scan.issues.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM')
    expect(serious.filter((finding) => !accepted.some((entry) => matches(entry, finding))).map(where)).toEqual([])
  })

  it('lists nothing that no longer happens, and every reason still rests on code that is there', () => {
    expect(accepted.filter((entry) => !scan.issues.some((finding) => matches(entry, finding))).map((entry) => `${entry.check} ${entry.file}`)).toEqual([])
    for (const entry of accepted) {
      expect(entry.reason.length, `${entry.check} ${entry.file} needs a reason`).toBeGreaterThan(40)
      expect(readFileSync(join(repoRoot, entry.file), 'utf8'), `${entry.check}: the code its reason rests on`).toContain(entry.excerpt)
    }
  })

  it('the window the accepted webPreferences findings point at really is isolated and sandboxed, without Node', () => {
    // The scanner cannot see through mainWindowOptions(); the values themselves are checked here.
    for (const isPackaged of [true, false]) {
      const prefs = mainWindowOptions({ preloadPath: '/app/preload.cjs', theme: 'light', isPackaged }).webPreferences
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webviewTag: false })
    }
  })
})
