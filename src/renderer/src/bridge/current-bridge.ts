import type { CofferApi } from '../../../shared/contract'

let current: CofferApi | null = null

/**
 * Installs the bridge store actions talk through: `window.coffer` or the HTTP client, chosen once
 * by ./get-bridge.ts when the page starts (tests install an HTTP client of their own).
 */
export function setBridge(api: CofferApi | null): void {
  current = api
}

/** The bridge. Only store actions call it; components never do. */
export function getBridge(): CofferApi {
  if (!current) throw new Error('No bridge: the page was opened without a session token.')
  return current
}
