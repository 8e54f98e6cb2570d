import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The desktop packages (AppImage, deb, dmg, nsis) are built by .github/workflows/release.yml on
 * hosted macOS, Windows and Linux runners: Electron's binary cannot be downloaded on the machines
 * Coffer is developed on. Here, electron-builder.json is validated with electron-builder's own
 * schema (node_modules/app-builder-lib/scheme.json, through its validateConfiguration) and every
 * file it names must exist.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const requireFromRepo = createRequire(join(repoRoot, 'package.json'))

interface BuilderConfig {
  files: string[]
  asarUnpack: string[]
  directories: { buildResources: string; output: string }
  electronFuses: Record<string, boolean>
  linux: { target: string[]; icon: string; executableName: string }
  mac: { target: { target: string; arch: string[] }[]; icon: string }
  win: { target: { target: string; arch: string[] }[]; icon: string }
  [key: string]: unknown
}

type Validate = (config: unknown, debugLogger: { isEnabled: boolean; add(): void }) => Promise<void>

const config = JSON.parse(readFileSync(join(repoRoot, 'electron-builder.json'), 'utf8')) as BuilderConfig
// electron-builder's own check, exactly as `electron-builder` runs it before packaging.
const { validateConfiguration } = requireFromRepo('app-builder-lib/out/util/config/config.js') as { validateConfiguration: Validate }
const validate = (candidate: unknown): Promise<void> => validateConfiguration(structuredClone(candidate), { isEnabled: false, add: () => {} })

/** PNG width and height from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('electron-builder.json (the packages themselves are built by .github/workflows/release.yml)', () => {
  beforeAll(() => {
    console.info(
      '[coffer tests] electron-builder.json is validated here; the desktop packages (AppImage, deb, dmg, nsis) are built by ' +
        '.github/workflows/release.yml on macOS, Windows and Linux runners, because Electron’s binary cannot be downloaded on this machine.'
    )
  })

  it('passes electron-builder’s own schema (app-builder-lib/scheme.json), which refuses a misplaced option', async () => {
    expect(existsSync(join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json'))).toBe(true)
    await expect(validate(config)).resolves.toBeUndefined()
    await expect(validate({ ...config, mac: { ...config.mac, title: 'Coffer' } })).rejects.toThrow(/configuration\.mac/)
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).rejects.toThrow(/electronFuses/)
  })

  it('targets AppImage and deb, a universal dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }])
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    // Not `coffer`: that is the CLI's command, which a deb would otherwise shadow.
    expect(config.linux.executableName).toBe('coffer-desktop')
  })

  it('names only files that exist: icons (≥ 512 px), the tray icons the shell loads, the build it packs', () => {
    expect(statSync(join(repoRoot, config.directories.buildResources)).isDirectory()).toBe(true)
    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      expect(existsSync(join(repoRoot, icon)), icon).toBe(true)
      // electron-builder makes .icns and .ico from a PNG of at least 512×512.
      expect(pngSize(join(repoRoot, icon)).width).toBeGreaterThanOrEqual(512)
    }
    const named = config.files.filter((pattern) => !pattern.startsWith('!'))
    for (const pattern of named) {
      const fixed = pattern.replace(/\/\*\*$/, '')
      expect(/[*?{[]/.test(fixed), `${pattern}: a plain path or a folder/** only`).toBe(false)
      if (fixed.startsWith('out/')) {
        // out/ is the build (`npm test` builds before testing).
        expect(existsSync(join(repoRoot, fixed)), `${fixed} is missing: run \`npx electron-vite build\``).toBe(true)
      } else {
        expect(existsSync(join(repoRoot, fixed)), fixed).toBe(true)
      }
    }
    // The tray's three states, 1× and 2× (src/main/shell/tray.ts loads tray-<state>.png from resources/).
    for (const state of ['ok', 'warning', 'critical']) {
      for (const scale of ['', '@2x']) expect(named).toContain(`resources/tray-${state}${scale}.png`)
    }
    expect(named).toEqual(expect.arrayContaining(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/icon.png']))
    expect(config.files).toContain('!**/*.map')
    // The entry point electron-builder packs is package.json's "main", inside out/main.
    const main = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string }).main
    expect(main).toBe('./out/main/index.js')
  })

  it('unpacks the native modules from the asar (they are runtime dependencies)', () => {
    const dependencies = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies
    for (const native of ['better-sqlite3', 'keytar']) {
      expect(config.asarUnpack).toContain(`**/node_modules/${native}/**`)
      expect(dependencies[native], native).toBeDefined()
    }
  })

  it('flips the Electron fuses as perf-security.md B2 says', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // The release build has it off; Playwright's _electron tests run node_modules' unfused Electron.
      enableNodeCliInspectArguments: false
    })
  })

  it('the release workflow builds every target on macOS, Windows and Linux runners, runs the _electron tests there and checks the fuses', () => {
    const workflow = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')
    for (const runner of ['os: ubuntu-22.04', 'os: macos-14', 'os: windows-latest']) expect(workflow).toContain(runner)
    for (const targets of ['--linux AppImage deb', '--mac dmg --universal', '--win nsis --x64']) expect(workflow).toContain(targets)
    expect(workflow).toContain('npx electron-builder --config electron-builder.json')
    expect(workflow).toContain('test/e2e/electron-app.test.ts')
    expect(existsSync(join(repoRoot, 'test', 'e2e', 'electron-app.test.ts'))).toBe(true)
    expect(workflow).toContain('node scripts/check-release-fuses.mjs')
    expect(existsSync(join(repoRoot, 'scripts', 'check-release-fuses.mjs'))).toBe(true)
  })
})
