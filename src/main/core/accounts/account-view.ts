import type { AccountView, BalanceView } from '../../../shared/contract/schemas'
import { microsToDecimal } from '../../../shared/money'
import { findProvider } from '../../../shared/providers'
import type { AccountRecord } from '../ledger/accounts-repo'
import type { AccountStateRepo, BalanceRow } from '../ledger/account-state-repo'

/** Extra figures other modules contribute to a card (spend, runway…); `null` when unknown. */
export interface AccountExtras {
  spend: AccountView['spend']
  runwayDays: number | null
  spendSource?: AccountView['spendSource']
  pace?: AccountView['pace']
  unconfirmedTopups?: number
  expiring?: AccountView['expiring']
  providerEstimates?: AccountView['providerEstimates']
}

/** Adds figures to an account card (registered in `context.accountExtras`: spend, runway…). */
export type ExtrasProvider = (account: AccountRecord) => Partial<AccountExtras>

/**
 * Builds what the UI, the tray and `coffer status` show for one account. Values stay stale-marked
 * after a failed poll, or when the last success is older than two intervals.
 */
export function buildAccountView(
  account: AccountRecord,
  state: AccountStateRepo,
  context: { hasKey: boolean; polling: boolean; now: Date; extras: readonly ExtrasProvider[] }
): AccountView {
  const descriptor = findProvider(account.provider)
  const last = state.lastPoll(account.id)
  const lastSuccessAt = state.lastSuccessAt(account.id)
  const staleAfterMs = 2 * account.pollIntervalMinutes * 60_000
  const stale =
    lastSuccessAt !== null &&
    (last?.status !== 'ok' || context.now.getTime() - Date.parse(lastSuccessAt) > staleAfterMs)
  const extras = context.extras.reduce<AccountExtras>((all, provide) => ({ ...all, ...provide(account) }), {
    spend: null,
    runwayDays: null
  })
  return {
    id: account.id,
    provider: account.provider,
    label: account.label,
    baseUrl: account.baseUrl ?? descriptor?.defaultBaseUrl ?? null,
    baseUrlOverridden: account.baseUrl !== null,
    options: account.options,
    pollIntervalMinutes: account.pollIntervalMinutes,
    hasKey: context.hasKey,
    keyHint: account.keyHint,
    status: last?.status ?? 'never_polled',
    stale,
    polling: context.polling,
    lastPolledAt: last?.finishedAt ?? null,
    lastSuccessAt,
    error: last && last.status !== 'ok' ? { code: last.errorCode ?? last.status, message: last.errorMessage ?? '' } : null,
    warning: last?.status === 'ok' ? (last.warning ?? null) : null,
    balances: state.sortedBalances(account.id).map(toBalanceView),
    spend: extras.spend,
    runwayDays: extras.runwayDays,
    spendSource: extras.spendSource ?? null,
    pace: extras.pace ?? null,
    unconfirmedTopups: extras.unconfirmedTopups ?? 0,
    expiring: extras.expiring ?? null,
    providerEstimates: extras.providerEstimates ?? [],
    billingUrl: account.options.billingUrl ?? descriptor?.billingUrl ?? null,
    createdAt: account.createdAt
  }
}

function toBalanceView(row: BalanceRow): BalanceView {
  return {
    unit: row.unit,
    amount: microsToDecimal(row.amountMicros),
    kind: row.kind,
    source: row.source,
    asOf: row.observedAt,
    ...(row.resetsAt ? { resetsAt: row.resetsAt } : {})
  }
}
