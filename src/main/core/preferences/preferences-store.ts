import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { preferencesSchema, type Preferences } from '../../../shared/contract/schemas'
import { DEFAULT_POLL_INTERVAL_MINUTES } from '../../../shared/providers'

/** Where preferences live: electron-store in the app, a JSON file for the CLI and `coffer serve`. */
export interface PreferencesStore {
  read(): Preferences
  write(preferences: Preferences): void
}

/** Preferences before the user changes any. */
export const defaultPreferences: Preferences = {
  defaultPollIntervalMinutes: DEFAULT_POLL_INTERVAL_MINUTES,
  launchAtLogin: false,
  theme: 'system'
}

/** electron-store's file name: the CLI and the app read and write the same preferences. */
export const PREFERENCES_FILE_NAME = 'config.json'

/**
 * Preferences in `<dataDir>/config.json`, the same file and format electron-store uses, so the app
 * and the CLI agree. Unknown or invalid values fall back to defaults instead of failing start-up.
 */
export class JsonFilePreferencesStore implements PreferencesStore {
  private readonly path: string

  constructor(dataDir: string) {
    this.path = join(dataDir, PREFERENCES_FILE_NAME)
  }

  read(): Preferences {
    let stored: unknown = {}
    try {
      stored = JSON.parse(readFileSync(this.path, 'utf8'))
    } catch {
      // Missing or unreadable: defaults. The next write repairs the file.
    }
    const merged = { ...defaultPreferences, ...(typeof stored === 'object' && stored ? stored : {}) }
    const parsed = preferencesSchema.safeParse(merged)
    return parsed.success ? parsed.data : defaultPreferences
  }

  write(preferences: Preferences): void {
    // Write-then-rename: a crash mid-write never leaves a half-written file.
    const temporary = `${this.path}.tmp`
    writeFileSync(temporary, JSON.stringify(preferences, null, 2), { mode: 0o600 })
    renameSync(temporary, this.path)
  }
}

/** Preferences kept in memory (demo mode, tests). */
export class MemoryPreferencesStore implements PreferencesStore {
  private current: Preferences = defaultPreferences

  read(): Preferences {
    return this.current
  }

  write(preferences: Preferences): void {
    this.current = preferences
  }
}
