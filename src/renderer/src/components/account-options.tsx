import { useStore } from '../store'

/**
 * The `<option>`s of an account picker: "All accounts" (with `allValue`), then every account by
 * label. Put them in a labelled `<select>`; the value is an account id or `allValue`.
 */
export function AccountOptions({ allValue }: { allValue: string }) {
  const accounts = useStore((state) => state.accounts)
  return (
    <>
      <option value={allValue}>All accounts</option>
      {accounts.map((account) => (
        <option key={account.id} value={account.id}>
          {account.label}
        </option>
      ))}
    </>
  )
}
