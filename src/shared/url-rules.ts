/**
 * Where Coffer may send things: an account's key (base URLs, a custom account's `url`) and alert
 * webhooks. Each rule returns the sentence that says what to change, or `null`. Pure: no Node, no
 * DOM; webhook.ts runs {@link webhookAddressProblem} again on the addresses a name resolves to.
 */
import { addressScope, hostScope, isLocalScope, scopeText, type AddressScope } from './network-address'

/** The hosts plain http:// may go to, in words. */
const LOOPBACK_TEXT = '127.0.0.1, ::1 or localhost'

/** What a user does to let a webhook reach this machine or the local network, in words. */
export const ALLOW_LOCAL_WEBHOOK_HINT = 'turn on “Allow local network targets” for it (CLI: --allow-local-webhook)'

/** `new URL(text)`, or `null` when it is not an absolute URL. */
function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/** True when `url` carries a user name or password (`https://user:pw@host/`). */
export function urlHasCredentials(url: string): boolean {
  const parsed = parseUrl(url.trim())
  return parsed !== null && (parsed.username !== '' || parsed.password !== '')
}

/** True for the hosts plain http:// may reach: 127.0.0.0/8, ::1 and `localhost` exactly. */
export function isLoopbackUrlHost(hostname: string): boolean {
  // Only the literal name: `foo.localhost` is loopback on some systems and a DNS query on others.
  if (hostname.toLowerCase() === 'localhost') return true
  return addressScope(hostname) === 'loopback'
}

/**
 * Whether an account's key may be sent to `url` (a base URL override, or a custom account's
 * `url`): `https:`, or `http:` to this machine only (the key would otherwise cross the network
 * unencrypted); no `user:password@` (it would be stored in the ledger and shown in messages).
 * The message never repeats the URL, which may hold a password.
 *
 * @param what - what the URL is, in the message: `base URL`, or `URL`.
 */
export function keyUrlProblem(url: string, what = 'URL'): string | null {
  const parsed = parseUrl(url.trim())
  if (!parsed || !parsed.hostname) return 'Enter a full URL such as https://api.example.com'
  if (parsed.username || parsed.password) {
    return `Remove the user name and password (user:password@) from the ${what}: Coffer sends the key from your keychain itself, and a password in the ${what} would be stored in clear text.`
  }
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol !== 'http:') return `Only https:// ${what}s are allowed (http:// only to this machine).`
  if (isLoopbackUrlHost(parsed.hostname)) return null
  return `Use https://: plain http:// would send your key unencrypted to ${parsed.hostname}. http:// is only for this machine (${LOOPBACK_TEXT}).`
}

/**
 * The shape of a webhook URL: `https:`, or `http:` to this machine only; no credentials (they would
 * be stored in clear text), no fragment. Whether a local target is allowed is
 * {@link webhookTargetProblem}'s question.
 */
export function webhookUrlProblem(url: string): string | null {
  const parsed = parseUrl(url)
  if (!parsed || !parsed.hostname) return 'Enter a full webhook URL such as https://ntfy.sh/your-topic'
  if (parsed.username || parsed.password) return 'Remove the user name and password (user:password@) from the webhook URL: they would be stored in clear text.'
  if (parsed.hash) return 'A webhook URL cannot contain # (remove the fragment).'
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol === 'http:' && isLoopbackUrlHost(parsed.hostname)) return null
  return `Webhooks need an https:// URL (http:// only to this machine: ${LOOPBACK_TEXT}).`
}

/** Why a webhook may not go to an address of this scope (`null`: it may). */
export function webhookAddressProblem(scope: AddressScope, allowLocal: boolean): string | null {
  if (scope === 'reserved') return `${scopeText(scope)} cannot receive webhooks`
  if (isLocalScope(scope) && !allowLocal) return `that is ${scopeText(scope)}: Coffer sends webhooks there only when you ${ALLOW_LOCAL_WEBHOOK_HINT}`
  return null
}

/**
 * The whole webhook rule as far as it can be checked without DNS: the shape, then the host when it
 * is an IP address or `localhost`. A link-local, private or loopback target (169.254.169.254,
 * 10.0.0.1, https://127.0.0.1) is refused unless `allowLocal` is on for the rule or budget.
 */
export function webhookTargetProblem(url: string, allowLocal: boolean): string | null {
  const shape = webhookUrlProblem(url)
  if (shape) return shape
  const host = (parseUrl(url) as URL).hostname
  const scope = hostScope(host)
  const problem = scope ? webhookAddressProblem(scope, allowLocal) : null
  return problem ? `The webhook goes to ${host}; ${problem}.` : null
}
