import { Suspense, type ComponentProps, type ReactElement } from 'react'
import { preloadRecordCreditDialog } from '../../features/ledger/lazy-record-credit-dialog'
import { lazyComponent } from '../../lib/lazy-component'

// The overview's dialogs load on first use (or at idle time, see pages/registry.ts), each in its
// own chunk: their forms validate with the contract's zod schemas, and the first paint must not
// wait for zod (issue 10.5).
const AddAccountDialog = lazyComponent(() => import('../../add-account/add-account-dialog').then((module) => module.AddAccountDialog))
const EditAccountDialog = lazyComponent(() => import('./edit-account-dialog').then((module) => module.EditAccountDialog))
const ReplaceKeyDialog = lazyComponent(() => import('./replace-key-dialog').then((module) => module.ReplaceKeyDialog))

/** Fetches every overview dialog's code ahead of its first use. */
export function preloadOverviewDialogs(): Promise<void> {
  return Promise.all([AddAccountDialog.preload(), EditAccountDialog.preload(), ReplaceKeyDialog.preload(), preloadRecordCreditDialog()]).then(() => undefined)
}

// Each in a Suspense of its own: while its code loads, nothing shows, rather than the page's
// fallback replacing the whole overview.

/** The add-account dialog, loaded on first use. */
export function LazyAddAccountDialog(props: ComponentProps<typeof AddAccountDialog>): ReactElement {
  return (
    <Suspense fallback={null}>
      <AddAccountDialog {...props} />
    </Suspense>
  )
}

/** The edit-account dialog, loaded on first use. */
export function LazyEditAccountDialog(props: ComponentProps<typeof EditAccountDialog>): ReactElement {
  return (
    <Suspense fallback={null}>
      <EditAccountDialog {...props} />
    </Suspense>
  )
}

/** The replace-key dialog, loaded on first use. */
export function LazyReplaceKeyDialog(props: ComponentProps<typeof ReplaceKeyDialog>): ReactElement {
  return (
    <Suspense fallback={null}>
      <ReplaceKeyDialog {...props} />
    </Suspense>
  )
}
