import { createRequire } from 'node:module'
import type { Handlers } from '../../shared/contract'
import { isAllowedExternalUrl } from '../../shared/external-links'
import type { CoreContext } from './core-context'

type AppHandlers = Pick<Handlers, 'app:info' | 'preferences:get' | 'preferences:set' | 'links:open'>

/** Implements the app-level calls: info, preferences and opening allow-listed links. */
export function createAppHandlers(context: CoreContext): AppHandlers {
  return {
    'app:info': async () => {
      const probe = await context.secrets.probe()
      return {
        version: appVersion(),
        runtime: context.runtime,
        dataDir: context.dataDir,
        keychain: probe.available ? { available: true, message: null } : { available: false, message: probe.message }
      }
    },
    'preferences:get': async () => context.preferences.read(),
    'preferences:set': async (changes) => {
      const next = { ...context.preferences.read(), ...changes }
      context.preferences.write(next)
      return next
    },
    'links:open': async ({ url }) => {
      const userUrls = context.accounts
        .list()
        .map((account) => account.options.billingUrl)
        .filter((value): value is string => Boolean(value))
      if (!isAllowedExternalUrl(url, userUrls)) {
        return { opened: false, reason: 'Coffer only opens https links to known billing pages.' }
      }
      if (!context.openExternal) return { opened: false, reason: 'Open the link from the page instead.' }
      await context.openExternal(url)
      return { opened: true, reason: null }
    }
  }
}

let cachedVersion: string | null = null

/** Coffer's version, from its package.json (the source tree's or the bundled build's). */
export function appVersion(): string {
  if (cachedVersion === null) {
    const require = createRequire(import.meta.url)
    try {
      cachedVersion = (require('../../../package.json') as { version: string }).version
    } catch {
      // Bundled builds sit at out/main/*.js, two levels below package.json.
      cachedVersion = (require('../../package.json') as { version: string }).version
    }
  }
  return cachedVersion
}
