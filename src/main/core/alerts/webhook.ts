import { alertKindText, isAllowedWebhookUrl, type AlertKind, type AlertSeverity, type WebhookFormat } from '../../../shared/alerts'

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

/**
 * POSTs one alert. Never throws; a refused URL, a timeout or a non-2xx answer becomes an error
 * message (without the URL's path, which may itself be a secret token, as Slack's are).
 */
export async function sendWebhook(
  request: WebhookRequest,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {}
): Promise<WebhookResult> {
  if (!isAllowedWebhookUrl(request.url)) return { ok: false, error: 'Refused: webhooks need https (or http to this machine only).' }
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
