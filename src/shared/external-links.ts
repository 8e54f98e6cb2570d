import { providerDescriptors } from './providers'

/** Hosts of every provider's billing and key pages: the only places Coffer opens by itself. */
export function providerLinkHosts(): Set<string> {
  const hosts = new Set<string>()
  for (const descriptor of Object.values(providerDescriptors)) {
    for (const url of [descriptor.billingUrl, descriptor.key.createUrl]) {
      const host = url ? safeHost(url) : null
      if (host) hosts.add(host)
    }
  }
  return hosts
}

/**
 * Whether Coffer may hand `url` to the system browser: `https:` only, no credentials in the URL,
 * and the exact host on the allowlist (the providers' billing hosts plus hosts of URLs the user set
 * on their own accounts). Look-alikes such as `openrouter.ai.evil.com` fail the exact match.
 */
export function isAllowedExternalUrl(url: string, extraAllowedUrls: readonly string[] = []): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false
  const allowed = providerLinkHosts()
  for (const extra of extraAllowedUrls) {
    const host = safeHost(extra)
    if (host) allowed.add(host)
  }
  return allowed.has(parsed.hostname.toLowerCase())
}

function safeHost(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null
  } catch {
    return null
  }
}
