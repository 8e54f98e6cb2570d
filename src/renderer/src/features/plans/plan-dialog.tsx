import { useState, type FormEvent, type ReactNode } from 'react'
import type { StoredPlan } from '../../../../shared/contract/plans-calls'
import { FormField } from '../../add-account/form-field'
import { useFocusFirstInvalid } from '../../add-account/use-focus-first-invalid'
import { Dialog } from '../../components/dialog'
import { errorMessage } from '../../bridge/bridge-error'
import { useStore } from '../../store'
import { newPlanForm, toForm, validatePlanForm, type PlanForm, type PlanFormErrors } from './plan-form'

/** Props of {@link PlanDialog}. */
export interface PlanDialogProps {
  /** The plan to edit; null adds a new one. */
  stored: StoredPlan | null
  onClose(): void
}

/**
 * Adds or edits a plan. Validated with the catalog's own zod schema before it is sent; an empty
 * price means "unknown" (the plan is listed but not ranked), never $0.
 */
export function PlanDialog({ stored, onClose }: PlanDialogProps) {
  const savePlan = useStore((state) => state.savePlan)
  const removePlan = useStore((state) => state.removePlan)
  const [form, setForm] = useState<PlanForm>(() => (stored ? toForm(stored.plan) : newPlanForm()))
  const [errors, setErrors] = useState<PlanFormErrors>({})
  const [busy, setBusy] = useState(false)
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid('[aria-invalid="true"], [role="alert"]')
  const update = <K extends keyof PlanForm>(key: K, value: PlanForm[K]): void => setForm((current) => ({ ...current, [key]: value }))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const result = validatePlanForm(form)
    if (!result.plan) {
      setErrors(result.errors)
      // Take the user to the first problem (the form is taller than the dialog).
      focusFirstInvalid()
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await savePlan(result.plan)
      onClose()
    } catch (error) {
      setErrors({ form: errorMessage(error) })
      setBusy(false)
    }
  }

  const remove = async (): Promise<void> => {
    if (!stored) return
    setBusy(true)
    try {
      await removePlan(stored.plan.id)
      onClose()
    } catch (error) {
      setErrors({ form: errorMessage(error) })
      setBusy(false)
    }
  }

  const text = (key: keyof PlanForm, label: ReactNode, props: { help?: ReactNode; optional?: boolean; placeholder?: string; inputMode?: 'decimal' | 'numeric'; type?: string } = {}) => (
    <FormField label={label} help={props.help} error={errors[key]} optional={props.optional}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          value={form[key] as string}
          onChange={(event) => update(key, event.target.value as never)}
        />
      )}
    </FormField>
  )
  const check = (key: keyof PlanForm, label: string) => (
    <label className="plan-check">
      <input type="checkbox" checked={form[key] as boolean} onChange={(event) => update(key, event.target.checked as never)} /> {label}
    </label>
  )

  const title = stored ? `Edit ${stored.plan.providerName} ${stored.plan.name}` : 'Add a plan'
  return (
    <Dialog title={title} description="Leave a price empty when you do not know it: the plan is then listed as “price unknown” and not ranked." onClose={onClose} wide>
      <form ref={formRef} className="form plan-form" onSubmit={(event) => void submit(event)} noValidate>
        {errors.form ? (
          <p className="banner banner-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="plan-form-grid">
          {text('providerName', 'Provider', { placeholder: 'e.g. GPTBots' })}
          {text('name', 'Plan name', { placeholder: 'e.g. Standard' })}
          {/* A row of its own: its choices are long, and a grid cell cut them off (issue 14.7). */}
          <div className="plan-grid-wide">
            <FormField label="Kind" error={errors.kind}>
              {(control) => (
                <select {...control} value={form.kind} onChange={(event) => update('kind', event.target.value as PlanForm['kind'])}>
                  <option value="subscription">Subscription (fee per month or year)</option>
                  <option value="prepaid">Prepaid credit packs only</option>
                  <option value="api-payg">Pay-as-you-go API (per token)</option>
                </select>
              )}
            </FormField>
          </div>
          {text('asOf', 'Figures as of', { type: 'date', help: 'When these prices were true.' })}
        </div>

        {form.kind === 'subscription' ? (
          <fieldset className="plan-fieldset">
            <legend>Billing (USD)</legend>
            <div className="plan-form-grid">
              <div>
                {check('monthly', 'Monthly billing')}
                {form.monthly ? text('monthlyPrice', 'Price per month', { inputMode: 'decimal', placeholder: 'unknown', optional: true }) : null}
              </div>
              <div>
                {check('yearly', 'Yearly billing')}
                {form.yearly ? text('yearlyPrice', 'Price per year', { inputMode: 'decimal', placeholder: 'unknown', optional: true }) : null}
              </div>
            </div>
            {check('includesApiUsage', 'Its fee or credits pay for API calls from my own apps')}
          </fieldset>
        ) : null}

        {form.kind === 'api-payg' ? (
          <fieldset className="plan-fieldset">
            <legend>Per-token prices</legend>
            <div className="plan-form-grid">
              {text('pricingProvider', 'Provider id in the pricing dataset', { placeholder: 'openai, anthropic, openrouter…' })}
              {text('fallback', 'Stand-in model', { optional: true, help: 'Prices usage of models this provider does not sell.' })}
            </div>
          </fieldset>
        ) : (
          <fieldset className="plan-fieldset">
            <legend>Credits</legend>
            {check('hasCredits', 'This plan works with credits')}
            {form.hasCredits ? (
              <>
                <div className="plan-form-grid">
                  {text('creditUnit', 'Credit unit')}
                  {text('perUsd', 'Credits per $1', { inputMode: 'decimal', placeholder: 'unknown', help: 'GPTBots: 100 credits = $1.' })}
                  {form.kind === 'subscription' ? text('included', 'Credits included per month', { inputMode: 'numeric', placeholder: 'unknown', help: 'For a yearly grant, a twelfth of it.' }) : null}
                  {text('markup', 'Usage markup', { inputMode: 'decimal', optional: true, help: 'How much more than API list price it charges (1 = same).' })}
                </div>
                {form.kind === 'subscription' ? (
                  <div className="plan-form-grid">
                    <FormField label="Included credits refresh" help="When the plan's own credits are granted again.">
                      {(control) => (
                        <select {...control} value={form.refresh} onChange={(event) => update('refresh', event.target.value as PlanForm['refresh'])}>
                          <option value="monthly">Every month</option>
                          <option value="yearly">Every year</option>
                          <option value="none">Never (one-time)</option>
                        </select>
                      )}
                    </FormField>
                    <div className="plan-check-cell">{check('rollover', 'Unused included credits carry over')}</div>
                  </div>
                ) : null}
                {check('hasTopUp', 'Sells top-up credit packs')}
                {form.hasTopUp ? (
                  <div className="plan-form-grid">
                    {text('topUpCredits', 'Top-up pack: credits', { inputMode: 'numeric', placeholder: 'unknown' })}
                    {text('topUpPrice', 'Top-up pack: price', { inputMode: 'decimal', placeholder: 'unknown' })}
                    {text('topUpValidity', 'Top-up valid for (months)', { inputMode: 'numeric', help: 'Empty: never expires.' })}
                  </div>
                ) : null}
              </>
            ) : null}
          </fieldset>
        )}

        {text('sourceUrl', 'Source', { optional: true, placeholder: 'https://…', help: 'Where these figures come from.' })}
        <FormField label="Notes" optional error={errors.notes}>
          {(control) => <textarea {...control} rows={2} value={form.notes} onChange={(event) => update('notes', event.target.value)} />}
        </FormField>

        <div className="dialog-actions">
          {stored && stored.origin !== 'catalog' ? (
            <button type="button" className="button button-quiet-danger" disabled={busy} onClick={() => void remove()}>
              {stored.origin === 'edited' ? 'Revert to catalog' : 'Delete plan'}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save plan'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
