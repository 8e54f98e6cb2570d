import { Suspense, type ComponentProps, type ReactElement } from 'react'
import { lazyComponent } from '../../lib/lazy-component'

// Loaded on first use (or at idle time): the dialog validates with the contract's zod schemas, and
// the overview's first paint must not wait for zod (issue 10.5).
const RecordCreditDialog = lazyComponent(() => import('./record-credit-dialog').then((module) => module.RecordCreditDialog))

/** Fetches the record-credit dialog's code ahead of its first use. */
export const preloadRecordCreditDialog = (): Promise<void> => RecordCreditDialog.preload()

/**
 * The record-credit dialog, loaded on first use. In a Suspense of its own: while its code loads,
 * nothing shows, rather than the page's fallback replacing the page.
 */
export function LazyRecordCreditDialog(props: ComponentProps<typeof RecordCreditDialog>): ReactElement {
  return (
    <Suspense fallback={null}>
      <RecordCreditDialog {...props} />
    </Suspense>
  )
}
