import { useCallback, useLayoutEffect, useRef, useState } from 'react'

/**
 * Takes a user who pressed Save to the first problem, even when it is scrolled out of the dialog.
 * Returns the ref for the `<form>` and `focusFirstInvalid()`, to call after setting the errors.
 * The focus moves in a layout effect, in the same commit that renders the errors, so nothing
 * (a person, a screen reader, a test) sees the errors before the focus is on the first of them.
 */
export function useFocusFirstInvalid(selector = '[aria-invalid="true"]') {
  const formRef = useRef<HTMLFormElement>(null)
  const [requests, setRequests] = useState(0)
  useLayoutEffect(() => {
    if (requests > 0) formRef.current?.querySelector<HTMLElement>(selector)?.focus()
  }, [requests, selector])
  const focusFirstInvalid = useCallback(() => setRequests((count) => count + 1), [])
  return { formRef, focusFirstInvalid }
}
