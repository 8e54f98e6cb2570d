import type { ReactNode } from 'react'
import { bridgeKind } from '../bridge'
import { isAllowedExternalUrl } from '../lib/external-links'
import { useStore } from '../store'

/** Props of {@link ExternalLink}. */
export interface ExternalLinkProps {
  href: string | null | undefined
  children: ReactNode
  className?: string
  /** URLs the user set on their own accounts (a manual account's billing page): their hosts are allowed too. */
  extraAllowedUrls?: readonly string[]
}

/**
 * A link to a provider's page, opened in the system browser. Renders nothing unless the URL is
 * https on an allow-listed host. In Electron the page cannot open windows, so a button asks main
 * (`links:open`, which checks again); under `coffer serve` it is an ordinary new-tab link.
 */
export function ExternalLink({ href, children, className = 'link-button', extraAllowedUrls }: ExternalLinkProps) {
  const openLink = useStore((state) => state.openLink)
  if (!isAllowedExternalUrl(href, extraAllowedUrls)) return null
  if (bridgeKind() === 'electron') {
    return (
      <button type="button" className={className} onClick={() => void openLink(href)}>
        {children}
      </button>
    )
  }
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  )
}
