import { Suspense, type ReactNode } from 'react'
import { LoadBoundary } from '../load-boundary'
import { Spinner } from '../spinner'

/**
 * Where a lazily loaded chart goes: while its code (chart.js) loads, a quiet placeholder of the
 * chart's height, so the page does not jump when it arrives; a load failure stays inside the slot.
 */
export function ChartSlot({ size = 'large', children }: { size?: 'large' | 'small'; children: ReactNode }) {
  const placeholder = (
    <div className={size === 'small' ? 'chart-box small chart-loading' : 'chart-box chart-loading'} role="status">
      <Spinner /> Loading chart…
    </div>
  )
  return (
    <LoadBoundary what="this chart">
      <Suspense fallback={size === 'small' ? placeholder : <figure className="ledger-chart">{placeholder}</figure>}>{children}</Suspense>
    </LoadBoundary>
  )
}
