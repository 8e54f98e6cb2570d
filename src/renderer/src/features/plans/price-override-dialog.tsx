import { useState, type FormEvent } from 'react'
import { priceOverrideSchema } from '../../../../shared/contract/plans-calls'
import { FormField } from '../../add-account/form-field'
import { errorMessage } from '../../bridge/bridge-error'
import { Dialog } from '../../components/dialog'
import { useStore } from '../../store'

type Field = 'providerId' | 'model' | 'inputMtok' | 'outputMtok' | 'cacheReadMtok'

/** Sets the user's own per-token price for one model, replacing the dataset's. */
export function PriceOverrideDialog({ onClose }: { onClose(): void }) {
  const setPriceOverride = useStore((state) => state.setPriceOverride)
  const [values, setValues] = useState<Record<Field, string>>({ providerId: 'openai', model: '', inputMtok: '', outputMtok: '', cacheReadMtok: '' })
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = priceOverrideSchema.safeParse({ ...values, cacheReadMtok: values.cacheReadMtok.trim() || null })
    if (!parsed.success) {
      const next: Partial<Record<Field | 'form', string>> = {}
      for (const issue of parsed.error.issues) next[(issue.path[0] as Field) ?? 'form'] ??= issue.message
      setErrors(next)
      return
    }
    setBusy(true)
    try {
      await setPriceOverride(parsed.data)
      onClose()
    } catch (error) {
      setErrors({ form: errorMessage(error) })
      setBusy(false)
    }
  }

  const field = (key: Field, label: string, help?: string, optional = false) => (
    <FormField label={label} help={help} error={errors[key]} optional={optional}>
      {(control) => <input {...control} value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.value })} />}
    </FormField>
  )

  return (
    <Dialog title="Use my own price" description="For a model the dataset lacks, or a negotiated rate. Prices in USD per million tokens." onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {errors.form ? (
          <p className="banner banner-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        {field('providerId', 'Provider id', 'As in the pricing dataset: openai, anthropic, openrouter, deepseek…')}
        {field('model', 'Model', 'As it appears in your usage, e.g. gpt-4o.')}
        {field('inputMtok', 'Input, $ per million tokens')}
        {field('outputMtok', 'Output, $ per million tokens')}
        {field('cacheReadMtok', 'Cached input, $ per million tokens', 'Empty: cached tokens cost the input price.', true)}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save price
          </button>
        </div>
      </form>
    </Dialog>
  )
}
