import { providerDescriptors } from './providers'

/** Longest link Coffer opens (billing pages are short; a huge URL is not one of them). */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/** Hosts of every provider's billing and key pages: the only places Coffer opens by itself. */
export function providerLinkHosts(): Set<string> {
  const hosts = new Set<string>()
  for (const descriptor of Object.values(providerDescriptors)) {
    for (const url of [descriptor.billingUrl, descriptor.key.createUrl]) {
      const host = url ? allowableHost(url) : null
      if (host) hosts.add(host)
    }
  }
  return hosts
}

/**
 * Whether Coffer may hand `url` to the system browser. All of these must hold:
 * - the text is plain printable ASCII: no whitespace or control characters (the URL parser would
 *   silently strip them, so `java\tscript:` would otherwise turn into `javascript:`), no Unicode
 *   (fullwidth or Cyrillic look-alike letters are folded or punycoded by the parser: billing URLs
 *   are ASCII), no backslashes; at most {@link MAX_EXTERNAL_URL_LENGTH} characters;
 * - `https:` only (no `javascript:`, `file:`, `data:`, `http:`…);
 * - no user name or password (`https://openrouter.ai@evil.com` is a visit to evil.com) and no
 *   explicit port;
 * - the host, as the WHATWG parser normalises it (lower case, punycode for IDN, so a Cyrillic
 *   look-alike becomes `xn--…`), is exactly on the allowlist: the providers' billing and key hosts
 *   plus hosts of URLs the user set on their own accounts. No suffix or prefix matching, so
 *   `openrouter.ai.evil.com`, `evil.com/openrouter.ai` and `openrouter.ai.` (trailing dot) fail.
 */
export function isAllowedExternalUrl(url: string, extraAllowedUrls: readonly string[] = []): boolean {
  const parsed = parsePlainHttpsUrl(url)
  if (!parsed) return false
  const allowed = providerLinkHosts()
  for (const extra of extraAllowedUrls) {
    const host = allowableHost(extra)
    if (host) allowed.add(host)
  }
  return allowed.has(parsed.hostname)
}

/** The parsed URL when `url` is a plain https URL without credentials or port; `null` otherwise. */
function parsePlainHttpsUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null
  if (!/^[\x21-\x7e]+$/.test(url) || url.includes('\\')) return null
  if (!/^https:\/\/[^/]/i.test(url)) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null
  if (!parsed.hostname || parsed.hostname.endsWith('.')) return null
  return parsed
}

/**
 * The host a URL adds to the allowlist: only a plain https URL's, and never an IP address or a
 * single-label name (`localhost`): billing pages live on public domain names.
 */
function allowableHost(url: string): string | null {
  const parsed = parsePlainHttpsUrl(url)
  if (!parsed) return null
  const host = parsed.hostname
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return null
  return host
}
