import { useState } from 'react'
import { DEFAULT_POLL_INTERVAL_MINUTES, providerDescriptors, providerIds } from '../../../shared/providers'
import { errorMessage } from '../bridge'
import { useStore, type TestReport } from '../store'
import { validateAccountForm, type AccountFormValues, type FieldErrors, type FormCheck } from './validate-form'

/**
 * State and actions of the add-account form. Errors appear after the first Test/Add attempt and
 * then follow every keystroke. The key lives only here (component state), never in the store.
 */
export function useAccountForm() {
  const addAccount = useStore((state) => state.addAccount)
  const testAccount = useStore((state) => state.testAccount)
  const defaultInterval = useStore((state) => state.preferences?.defaultPollIntervalMinutes ?? DEFAULT_POLL_INTERVAL_MINUTES)
  const [values, setValues] = useState<AccountFormValues>(() => ({
    provider: providerIds[0],
    label: '',
    key: '',
    baseUrl: '',
    pollIntervalMinutes: String(defaultInterval),
    options: {}
  }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [attempted, setAttempted] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [testResult, setTestResult] = useState<TestReport | null>(null)
  const [busy, setBusy] = useState<'test' | 'add' | null>(null)
  const descriptor = providerDescriptors[values.provider]

  const recheck = (next: AccountFormValues): FormCheck => {
    const result = validateAccountForm(next, providerDescriptors[next.provider])
    setErrors(result.ok ? {} : result.errors)
    return result
  }

  const update = (patch: Partial<AccountFormValues>): void => {
    const next = { ...values, ...patch }
    if (patch.provider && patch.provider !== values.provider) {
      // A template brings its own options along with the provider.
      next.options = patch.options ?? {}
      // Switching provider resets the check interval to that provider's default (manual: daily).
      if (patch.pollIntervalMinutes === undefined) {
        next.pollIntervalMinutes = String(providerDescriptors[patch.provider].pollIntervalMinutes ?? defaultInterval)
      }
    }
    setValues(next)
    setTestResult(null)
    setServerError(null)
    if (attempted) recheck(next)
  }

  const check = (): FormCheck => {
    setAttempted(true)
    return recheck(values)
  }

  const test = async (): Promise<FormCheck> => {
    const result = check()
    if (!result.ok) return result
    setBusy('test')
    setServerError(null)
    setTestResult(null)
    try {
      setTestResult(await testAccount(result.draft, result.key))
    } catch (error) {
      setServerError(errorMessage(error))
    } finally {
      setBusy(null)
    }
    return result
  }

  /** Adds the account; resolves `true` when saved (the key field is then cleared). */
  const submit = async (): Promise<{ check: FormCheck; saved: boolean }> => {
    const result = check()
    if (!result.ok) return { check: result, saved: false }
    setBusy('add')
    setServerError(null)
    try {
      await addAccount(result.draft, result.key)
      setValues((current) => ({ ...current, key: '' }))
      return { check: result, saved: true }
    } catch (error) {
      setServerError(errorMessage(error))
      return { check: result, saved: false }
    } finally {
      setBusy(null)
    }
  }

  return { values, errors, descriptor, serverError, testResult, busy, update, test, submit }
}
