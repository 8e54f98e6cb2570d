import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import { describe, expect, it } from 'vitest'
import {
  defaultPreferences,
  JsonFilePreferencesStore,
  PREFERENCES_FILE_NAME
} from '../../../../src/main/core/preferences/preferences-store'
import { ElectronPreferencesStore, preferencesStoreOptions } from '../../../../src/main/shell/preferences'
import { useTempDir } from '../../../helpers/temp-dir'

/**
 * electron-store is a thin Electron wrapper over `conf` (it fills in `cwd` from userData and
 * renames `name` to `configName`); it cannot load without Electron's binary, so these tests drive
 * the same options through `conf` itself, on a real file.
 */
function electronStoreLike(dataDir: string) {
  const { name, ...options } = preferencesStoreOptions(dataDir)
  return new Conf<Record<string, unknown>>({ ...options, configName: name })
}

describe('ElectronPreferencesStore', () => {
  const dir = useTempDir()

  it('starts from the shared defaults and writes config.json in the data folder', () => {
    const store = new ElectronPreferencesStore(electronStoreLike(dir()))
    expect(store.read()).toEqual(defaultPreferences)
    store.write({ ...defaultPreferences, theme: 'dark' })
    const file = join(dir(), PREFERENCES_FILE_NAME)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ theme: 'dark' })
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('agrees with the CLI both ways: same file, same format', () => {
    new ElectronPreferencesStore(electronStoreLike(dir())).write({ ...defaultPreferences, defaultPollIntervalMinutes: 42 })
    expect(new JsonFilePreferencesStore(dir()).read().defaultPollIntervalMinutes).toBe(42)

    new JsonFilePreferencesStore(dir()).write({ ...defaultPreferences, theme: 'light', launchAtLogin: true })
    expect(new ElectronPreferencesStore(electronStoreLike(dir())).read()).toEqual({
      ...defaultPreferences,
      theme: 'light',
      launchAtLogin: true
    })
  })

  it('falls back to defaults for invalid values instead of failing start-up', () => {
    writeFileSync(join(dir(), PREFERENCES_FILE_NAME), JSON.stringify({ theme: 'purple', defaultPollIntervalMinutes: -3 }))
    expect(new ElectronPreferencesStore(electronStoreLike(dir())).read()).toEqual(defaultPreferences)
  })

  it('survives a hand-broken file (reset to defaults)', () => {
    writeFileSync(join(dir(), PREFERENCES_FILE_NAME), '{ not json')
    expect(new ElectronPreferencesStore(electronStoreLike(dir())).read()).toEqual(defaultPreferences)
  })

  it('applies launchAtLogin at start-up and whenever it changes', () => {
    const applied: boolean[] = []
    new JsonFilePreferencesStore(dir()).write({ ...defaultPreferences, launchAtLogin: true })
    const store = new ElectronPreferencesStore(electronStoreLike(dir()), (enabled) => applied.push(enabled))
    expect(applied).toEqual([true])
    store.write({ ...store.read(), theme: 'dark' })
    expect(applied).toEqual([true])
    store.write({ ...store.read(), launchAtLogin: false })
    expect(applied).toEqual([true, false])
  })

  it('refuses to write values the contract would reject', () => {
    const store = new ElectronPreferencesStore(electronStoreLike(dir()))
    expect(() => store.write({ ...defaultPreferences, defaultPollIntervalMinutes: 0 })).toThrow()
    expect(store.read()).toEqual(defaultPreferences)
  })
})
