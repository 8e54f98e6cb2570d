import { Fragment } from 'react'
import { urlBreakPieces } from '../lib/url-breaks'

/** An address in code style that wraps at urlBreakPieces (lib/url-breaks.ts) (a `<wbr>` after each piece). */
export function UrlText({ url, className = 'url-text' }: { url: string; className?: string }) {
  return (
    <code className={className}>
      {urlBreakPieces(url).map((piece, index) => (
        <Fragment key={index}>
          {piece}
          <wbr />
        </Fragment>
      ))}
    </code>
  )
}
