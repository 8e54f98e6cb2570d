import { useEffect, useState, type KeyboardEvent } from 'react'
import type { ComparisonWindow, StoredPlan } from '../../../../shared/contract/plans-calls'
import { Spinner } from '../../components/spinner'
import { formatDate, formatPercent } from '../../lib/format'
import { RetryBanner } from '../../components/retry-banner'
import { useStore } from '../../store'
import { CostChart } from './cost-chart'
import { ratesText, usd } from './format'
import { OptionRow } from './option-row'
import { PlanDialog } from './plan-dialog'
import { PriceOverrideDialog } from './price-override-dialog'
import { SubscriptionValueSection } from './subscription-value'
import './plans.css'

const windows: readonly ComparisonWindow[] = [30, 90]

/** "62 %" of the measured spend on days with token counts (rounded down); null when nothing was measured. */
function shareText(withTokens: string, measured: string): string | null {
  const total = Number(measured)
  if (!(total > 0)) return null
  if (withTokens === measured) return 'all'
  const percent = Math.floor((Number(withTokens) / total) * 100)
  return percent === 0 && Number(withTokens) > 0 ? `under ${formatPercent(1)}` : formatPercent(percent)
}

/**
 * Which subscription, credit pack or provider would have been cheapest for the measured usage:
 * options ranked by monthly cost with a chart, plain answers, how each cost was computed, and
 * editable plans and token prices.
 */
export function PlansPage() {
  const comparison = useStore((state) => state.comparison)
  const loading = useStore((state) => state.comparisonLoading)
  const error = useStore((state) => state.comparisonError)
  const window = useStore((state) => state.plansWindow)
  const setWindow = useStore((state) => state.setPlansWindow)
  const load = useStore((state) => state.loadComparison)
  const storedPlans = useStore((state) => state.storedPlans)
  const overrides = useStore((state) => state.priceOverrides)
  const clearOverride = useStore((state) => state.clearPriceOverride)
  const [editing, setEditing] = useState<StoredPlan | 'new' | null>(null)
  const [overriding, setOverriding] = useState(false)

  useEffect(() => {
    void load()
  }, [load])

  // A radio group moves with the arrow keys (one tab stop for the group).
  const onWindowKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return
    event.preventDefault()
    const group = event.currentTarget
    setWindow(windows[(windows.indexOf(window) + 1) % windows.length] as ComparisonWindow)
    requestAnimationFrame(() => group.querySelector<HTMLElement>('[aria-checked="true"]')?.focus())
  }

  const storedFor = (planId: string | null): StoredPlan | undefined => storedPlans.find((entry) => entry.plan.id === planId)
  const usage = comparison?.usage
  const noUsage = usage && Number(usage.monthlyUsage) === 0 && usage.credits.length === 0
  const tokenShare = usage ? shareText(usage.withTokensUsd, usage.windowSpend.amount) : null

  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title">Plans</h1>
        <div className="plans-toolbar-actions">
          <div className="segmented" role="radiogroup" aria-label="Usage window" onKeyDown={onWindowKey}>
            {windows.map((days) => (
              <button
                key={days}
                type="button"
                role="radio"
                aria-checked={window === days}
                tabIndex={window === days ? 0 : -1}
                className="segmented-item"
                onClick={() => setWindow(days)}
              >
                Last {days} days
              </button>
            ))}
          </div>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            Add plan
          </button>
        </div>
      </div>

      {error ? (
        <RetryBanner onRetry={() => void load()}>Could not compare plans: {error}</RetryBanner>
      ) : null}

      {!comparison ? (
        loading ? (
          <p className="loading" role="status">
            <Spinner /> Comparing plans against your usage…
          </p>
        ) : null
      ) : (
        <div className={loading ? 'plans-body plans-refreshing' : 'plans-body'} aria-busy={loading}>
          <section className="card plans-summary" aria-label="Your usage">
            <p className="plans-usage">
              <span className="plans-usage-figure">{usd(comparison.usage.monthlyUsage)}</span>
              {usage?.windowSpend.approximate ? (
                <>
                  {' '}
                  <span className="plan-converted-tag" title={`Converted into USD with ${ratesText(usage.windowSpend.rates)}`}>
                    converted
                    <span className="visually-hidden"> into USD with {ratesText(usage.windowSpend.rates)}</span>
                  </span>
                </>
              ) : null}
              <span className="muted">
                {' '}
                a month of measured spend · last {comparison.usage.windowDays} days ({formatDate(comparison.usage.from)} to {formatDate(comparison.usage.to)})
              </span>
            </p>
            {tokenShare !== null ? (
              <p className="muted plans-coverage">
                Token counts cover {tokenShare} of that spend: re-priced options replace only those days and accounts; the rest is counted as measured.
              </p>
            ) : null}
            {noUsage ? (
              <div className="plans-empty">
                <p>
                  <strong>No usage recorded in these {comparison.usage.windowDays} days.</strong> Add your API accounts on the Overview page and refresh them:
                  OpenAI and Anthropic admin keys report tokens by model, which lets Coffer re-price them on every provider. Until then only fixed fees can
                  be compared.
                </p>
              </div>
            ) : null}
            <ul className="plans-answers">
              {comparison.answers
                .filter((answer) => !(noUsage && answer.startsWith('No API usage recorded')))
                .map((answer) => (
                  <li key={answer}>{answer}</li>
                ))}
            </ul>
            <p className="muted plans-dataset">
              Token prices: {comparison.dataset.package} {comparison.dataset.version}, data as of {comparison.dataset.publishedAt}
              {overrides.length > 0 ? ` · ${overrides.length} price${overrides.length === 1 ? '' : 's'} of your own` : ''} ·{' '}
              <button type="button" className="link-button" onClick={() => setOverriding(true)}>
                Use my own price
              </button>
            </p>
            {overrides.length > 0 ? (
              <ul className="plans-overrides">
                {overrides.map((override) => (
                  <li key={`${override.providerId}/${override.model}`}>
                    {override.providerId} · {override.model}: ${override.inputMtok} in / ${override.outputMtok} out per Mtok{' '}
                    <button type="button" className="link-button" onClick={() => void clearOverride(override.providerId, override.model)}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <SubscriptionValueSection />

          <section className="card" aria-label="Monthly cost by option">
            <CostChart options={comparison.options} />
          </section>

          <section aria-label="Options ranked by monthly cost">
            <h2 className="plans-section-title">Options, cheapest first</h2>
            <ol className="stack-list">
              {comparison.options.map((option) => {
                const stored = storedFor(option.planId)
                return <OptionRow key={option.key} option={option} rates={comparison.usage.windowSpend.rates} onEdit={stored ? () => setEditing(stored) : undefined} />
              })}
            </ol>
          </section>

          {comparison.usage.excluded.length > 0 ? (
            <section className="card plans-excluded" aria-label="Left out of the comparison">
              <h2 className="plans-section-title">Left out</h2>
              <ul>
                {comparison.usage.excluded.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}

      {editing ? <PlanDialog stored={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {overriding ? <PriceOverrideDialog onClose={() => setOverriding(false)} /> : null}
    </>
  )
}
