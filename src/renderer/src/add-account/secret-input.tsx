import type { ControlProps } from './form-field'

/**
 * A field for a key or secret option: masked, not spell-checked or capitalised, and marked
 * `new-password` so the browser neither offers a saved password (it ignores `off` on password
 * fields) nor asks to save what is typed. Used by the add, edit and replace-key forms.
 */
export function SecretInput({
  control,
  value,
  onChange,
  placeholder
}: {
  control: ControlProps
  value: string
  onChange(value: string): void
  placeholder?: string
}) {
  return (
    <input
      {...control}
      type="password"
      autoComplete="new-password"
      spellCheck={false}
      autoCapitalize="off"
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
