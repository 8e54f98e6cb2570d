import { homedir } from 'node:os'
import { join } from 'node:path'

/** The product name: Electron derives `app.getPath('userData')` from it. */
export const APP_NAME = 'Coffer'

/**
 * The data folder shared by the desktop app and the CLI: the same place Electron's
 * `app.getPath('userData')` points to for an app named "Coffer". `COFFER_HOME` overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (env.COFFER_HOME) return env.COFFER_HOME
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}
