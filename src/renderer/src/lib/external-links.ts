import { providerDescriptors } from '../../../shared/providers'

/**
 * Hosts the renderer will link to: the billing and key pages of known providers. Anything else
 * (a URL from a proxy's base URL, a tampered ledger) is not rendered as a link at all. Main checks
 * again before opening anything; this is the renderer's half of the rule.
 */
export const allowedLinkHosts: ReadonlySet<string> = new Set(
  Object.values(providerDescriptors)
    .flatMap((descriptor) => [descriptor.billingUrl, descriptor.key.createUrl])
    .filter((url): url is string => typeof url === 'string')
    .map((url) => new URL(url).hostname)
)

/** True for an `https:` URL, without credentials, whose host is on {@link allowedLinkHosts}. */
export function isAllowedExternalUrl(url: string | null | undefined): url is string {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    allowedLinkHosts.has(parsed.hostname)
  )
}
