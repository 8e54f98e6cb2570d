import { preferencesSchema, type Preferences } from '../../shared/contract/schemas'
import { defaultPreferences, PREFERENCES_FILE_NAME, type PreferencesStore } from '../core/preferences/preferences-store'

/**
 * The slice of electron-store (a `conf` store) this module uses. Typed structurally so tests can
 * hand it a plain `conf` store on a temp folder: electron-store itself needs Electron to load.
 */
export interface KeyValueStore {
  readonly store: Record<string, unknown>
  set(values: Partial<Record<string, unknown>>): void
}

/** Options for electron-store that make it read and write exactly the CLI's preferences file. */
export function preferencesStoreOptions(dataDir: string) {
  return {
    cwd: dataDir,
    // electron-store takes the name without its extension; conf calls the same option configName.
    name: PREFERENCES_FILE_NAME.replace(/\.json$/, ''),
    defaults: defaultPreferences,
    configFileMode: 0o600,
    // A hand-broken file must not stop the app from starting: it is reset to defaults.
    clearInvalidConfig: true
  }
}

/**
 * {@link PreferencesStore} on electron-store, in `<userData>/config.json`: the same file, format
 * and defaults as the CLI's JsonFilePreferencesStore, so `coffer` and the app agree. Values are
 * validated with the contract's `preferencesSchema` on read (invalid → defaults, never a crash).
 * `launchAtLogin` is applied to the OS when written, and once at start-up in case the CLI
 * changed it while the app was closed.
 */
export class ElectronPreferencesStore implements PreferencesStore {
  constructor(
    private readonly backing: KeyValueStore,
    private readonly applyLaunchAtLogin: (enabled: boolean) => void = () => undefined
  ) {
    this.applyLaunchAtLogin(this.read().launchAtLogin)
  }

  read(): Preferences {
    const parsed = preferencesSchema.safeParse({ ...defaultPreferences, ...this.backing.store })
    return parsed.success ? parsed.data : defaultPreferences
  }

  write(preferences: Preferences): void {
    const previous = this.read()
    this.backing.set(preferencesSchema.parse(preferences))
    if (previous.launchAtLogin !== preferences.launchAtLogin) this.applyLaunchAtLogin(preferences.launchAtLogin)
  }
}
