/**
 * The app's addresses that main builds too (issue 14.4): a notification's "open the account" opens
 * the window at the account's card. The renderer's router (src/renderer/src/lib/routes.ts) parses
 * them; this is the one place their shape is written down for both sides.
 */

/** The hash route of an account's card, without the `#`: `/accounts/acc_…`. */
export function accountRoute(accountId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}`
}
