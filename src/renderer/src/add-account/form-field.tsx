import { useId, type ReactNode } from 'react'

/** Attributes that tie an input to its label, help and error. Spread them onto the control. */
export interface ControlProps {
  id: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
}

/** Props of {@link FormField}. */
export interface FormFieldProps {
  label: ReactNode
  help?: ReactNode
  error?: string
  /** Marks the label "(optional)" (unless its text already says so). */
  optional?: boolean
  children(control: ControlProps): ReactNode
}

/** A labelled form control with help text and an inline error, announced to screen readers. */
export function FormField({ label, help, error, optional = false, children }: FormFieldProps) {
  const id = useId()
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && !(typeof label === 'string' && /\(optional\)/i.test(label)) ? <span className="muted"> (optional)</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {help ? (
        <div id={helpId} className="field-help">
          {help}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  )
}
