import { isAllowedExternalUrl as isAllowedByCoffer } from '../../../shared/external-links'

/**
 * The renderer's half of the link rule: a URL is rendered as a link only when it is a plain https
 * URL whose exact host is a known provider's billing or key host, or the host of a billing URL the
 * user set on an account (`extraAllowedUrls`). The rule itself (hostile schemes, look-alike hosts,
 * userinfo, IDN tricks…) lives in src/shared/external-links.ts; main checks again before opening.
 */
export function isAllowedExternalUrl(url: string | null | undefined, extraAllowedUrls: readonly string[] = []): url is string {
  return typeof url === 'string' && isAllowedByCoffer(url, extraAllowedUrls)
}
