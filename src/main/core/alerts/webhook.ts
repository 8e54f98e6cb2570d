import { lookup as dnsLookup } from 'node:dns/promises'
import { alertKindText, webhookUrlProblem, type AlertKind, type AlertSeverity, type WebhookFormat } from '../../../shared/alerts'
import { addressScope, scopeText } from '../../../shared/network-address'
import { webhookAddressProblem } from '../../../shared/url-rules'

/** What a webhook says about one alert. Never holds a key: messages are built from labels and figures. */
export interface WebhookAlert {
  id: number
  kind: AlertKind
  severity: AlertSeverity
  accountLabel: string | null
  message: string
  firedAt: string
}

/** An HTTP request ready to send. */
export interface WebhookRequest {
  url: string
  headers: Record<string, string>
  body: string
}

/** Webhook requests give up after this long: a slow receiver must not hold anything up. */
export const WEBHOOK_TIMEOUT_MS = 8000

/** `auto` → Slack's incoming-webhook JSON for hooks.slack.com, ntfy's plain-text publish otherwise. */
export function resolveFormat(url: string, format: WebhookFormat): Exclude<WebhookFormat, 'auto'> {
  if (format !== 'auto') return format
  const host = new URL(url).hostname.toLowerCase()
  return host === 'hooks.slack.com' || host.endsWith('.slack.com') ? 'slack' : 'ntfy'
}

const NTFY_PRIORITY: Record<AlertSeverity, string> = { info: '3', warning: '4', critical: '5' }
const NTFY_TAGS: Record<AlertSeverity, string> = { info: 'moneybag', warning: 'warning', critical: 'rotating_light' }

/**
 * Builds the POST for one alert:
 * - `ntfy`: the message as the plain-text body with `Title`, `Priority` and `Tags` headers (ntfy's
 *   publish-as-text API; any service that takes a text body works too);
 * - `slack`: `{"text": "…"}` (Slack incoming webhooks, also Mattermost and Discord's /slack);
 * - `json`: a small JSON document for your own receiver.
 */
export function buildWebhookRequest(url: string, format: WebhookFormat, alert: WebhookAlert): WebhookRequest {
  const title = `Coffer: ${alertKindText[alert.kind]}${alert.accountLabel ? ` (${alert.accountLabel})` : ''}`
  const resolved = resolveFormat(url, format)
  if (resolved === 'slack') {
    return { url, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `*${title}*\n${alert.message}` }) }
  }
  if (resolved === 'json') {
    return {
      url,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'coffer',
        id: alert.id,
        kind: alert.kind,
        severity: alert.severity,
        account: alert.accountLabel,
        title,
        text: alert.message,
        firedAt: alert.firedAt
      })
    }
  }
  return {
    url,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      // HTTP header values must be Latin-1: ntfy decodes RFC 2047 encoded words for anything else.
      title: encodeHeader(title),
      priority: NTFY_PRIORITY[alert.severity],
      tags: NTFY_TAGS[alert.severity]
    },
    body: alert.message
  }
}

function encodeHeader(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`
}

/** The outcome of one delivery. */
export type WebhookResult = { ok: true; status: number } | { ok: false; error: string }

/** Every address a host name resolves to (injected in tests; `node:dns` lookup otherwise). */
export type LookupAll = (hostname: string) => Promise<readonly { address: string }[]>

/** The system resolver, every address (a name with one inward address among public ones is refused). */
export const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

/** How {@link sendWebhook} sends, and where it may. */
export interface SendOptions {
  fetch?: typeof fetch
  timeoutMs?: number
  /** The rule's or budget's "allow local network targets": this machine, private and link-local addresses. */
  allowLocal?: boolean
  lookup?: LookupAll
}

/**
 * Why `url` may not be sent to now, checked on the addresses its host resolves to: a public name
 * that points at 127.0.0.1, 10.x or 169.254.169.254 is refused like the address itself would be,
 * and plain http must stay on this machine. `null` when it may be sent.
 *
 * The request itself resolves the name again (fetch cannot be handed an address without losing TLS
 * name checks): a resolver that answers differently within milliseconds could still slip through.
 * This check stops names that simply point inward, which is what a mistyped or hostile URL does.
 */
export async function webhookDestinationProblem(
  url: string,
  allowLocal: boolean,
  lookup: LookupAll = systemLookup,
  timeoutMs = WEBHOOK_TIMEOUT_MS
): Promise<string | null> {
  const shape = webhookUrlProblem(url)
  if (shape) return `Refused: ${shape}`
  const parsed = new URL(url)
  const host = parsed.hostname
  let addresses: string[]
  if (addressScope(host) !== null) {
    addresses = [host.replace(/^\[(.*)\]$/, '$1')]
  } else {
    try {
      addresses = (await withTimeout(lookup(host.replace(/\.$/, '')), timeoutMs)).map((entry) => entry.address)
    } catch {
      return `Could not find ${host} (DNS lookup failed).`
    }
    if (addresses.length === 0) return `Could not find ${host} (DNS lookup failed).`
  }
  for (const address of addresses) {
    const scope = addressScope(address)
    if (scope === null) return `Refused: ${host} resolved to something that is not an address.`
    const problem = webhookAddressProblem(scope, allowLocal)
    const shown = address === host ? host : `${host} resolves to ${address}`
    if (problem) return `Refused: ${shown}; ${problem}.`
    // http:// is allowed only to this machine (see webhookUrlProblem): the name must stay there too.
    if (parsed.protocol === 'http:' && scope !== 'loopback') {
      return `Refused: ${shown}, ${scopeText(scope)}, and plain http:// goes only to this machine. Use https://.`
    }
  }
  return null
}

/** `promise`, or a rejection after `ms` (a resolver that never answers must not hold a delivery). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * POSTs one alert. Never throws; a refused URL or address, a timeout or a non-2xx answer becomes an
 * error message (without the URL's path, which may itself be a secret token, as Slack's are).
 */
export async function sendWebhook(request: WebhookRequest, options: SendOptions = {}): Promise<WebhookResult> {
  const refused = await webhookDestinationProblem(request.url, options.allowLocal ?? false, options.lookup, options.timeoutMs)
  if (refused) return { ok: false, error: refused }
  const doFetch = options.fetch ?? fetch
  const host = new URL(request.url).host
  try {
    const response = await doFetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS)
    })
    await response.body?.cancel().catch(() => undefined)
    if (response.ok) return { ok: true, status: response.status }
    return { ok: false, error: `${host} answered HTTP ${response.status}.` }
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, error: `${host} did not answer in time.` }
    return { ok: false, error: `Could not reach ${host}.` }
  }
}
