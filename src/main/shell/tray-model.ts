import { needsUserAction } from '../../shared/account-status'
import { accountVerdict, worstAlert, type AccountState, type AccountStateAlert, type AccountVerdict } from '../../shared/account-state'
import type { BudgetView } from '../../shared/contract/alerts-calls'
import type { AccountView } from '../../shared/contract/schemas'
import { isAllowedExternalUrl } from '../../shared/external-links'
import { formatMoney } from '../../shared/money'
import { runwayText } from '../../shared/runway'

/** The tray icon: all fine, something to look at, or something the user must fix. */
export type TrayIconState = 'ok' | 'warning' | 'critical'

/**
 * Something besides account status that raises the icon: the alerts module passes its active
 * alerts here (low balance → warning, budget exceeded → critical…). The text joins the tooltip.
 */
export interface TraySignal {
  level: Exclude<TrayIconState, 'ok'>
  text: string
}

/** One entry of the tray menu, independent of Electron's Menu. */
export type TrayMenuItem =
  | { kind: 'account'; accountId: string; label: string; state: TrayIconState; topUpUrl?: string | null }
  | { kind: 'note'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string }

export type TrayAction = 'refresh' | 'open' | 'quit'

/** Everything the tray shows, computed from account views (and signals) alone. */
export interface TrayModel {
  icon: TrayIconState
  tooltip: string
  items: TrayMenuItem[]
}

/** Alert state the tray reflects: active alerts (from `alerts:list`) and spend limits (`budgets:list`). */
export interface TrayAlertState {
  alerts: readonly AccountStateAlert[]
  budgets: readonly Pick<BudgetView, 'accountId' | 'period' | 'limit' | 'spent' | 'percent' | 'approximate' | 'excluded'>[]
}

const PERIOD_WORD: Record<BudgetView['period'], string> = { day: 'today', week: 'this week', month: 'this month' }

/** Worst active alert of an account (`null` = global alerts), ignoring announcements. */
export function alertTrayState(alerts: TrayAlertState['alerts'], accountId: string | null): TrayIconState {
  const alert = worstAlert(alerts, accountId)
  return alert ? (alert.severity === 'critical' ? 'critical' : 'warning') : 'ok'
}

/** `$30.00 of $50.00 today`: the budget of `accountId` nearest its limit, or `null`. */
export function budgetLine(budgets: TrayAlertState['budgets'], accountId: string | null, locale?: string): string | null {
  const budget = budgets.filter((candidate) => candidate.accountId === accountId).sort((a, b) => b.percent - a.percent)[0]
  if (!budget) return null
  const spent = `${budget.approximate ? '≈ ' : ''}${formatMoney({ amount: budget.spent, unit: budget.limit.unit }, locale)}`
  // Spend the limit could not convert is named, not silently left out of the figure.
  const leftOut = budget.excluded.length > 0 ? ` (+ ${budget.excluded.map((entry) => formatMoney(entry, locale)).join(', ')} not counted)` : ''
  return `${spent} of ${formatMoney(budget.limit, locale)} ${PERIOD_WORD[budget.period]}${leftOut}`
}

/** Menus longer than this get an "…and N more" line: the window is the place for long lists. */
export const MAX_TRAY_ACCOUNTS = 12
/** Windows truncates tray tooltips at 127 characters. */
export const MAX_TOOLTIP_LENGTH = 127

const ICON_OF: Record<AccountState, TrayIconState> = {
  critical: 'critical',
  error: 'critical',
  warning: 'warning',
  stale: 'warning',
  no_data: 'ok',
  ok: 'ok'
}

/** How serious one account's state is for the tray: its verdict (src/shared/account-state.ts), as the card shows it. */
export function accountTrayState(account: Parameters<typeof accountVerdict>[0], alerts: TrayAlertState['alerts'] = []): TrayIconState {
  return ICON_OF[accountVerdict(account, alerts).state]
}

/**
 * The account's line: `Label — $12.40` (its primary balance, which comes first), then the
 * verdict's words when something is wrong (`· Below your $5.00 alert`); the verdict alone when
 * the last poll failed or never ran, so a stale figure is never shown as if current.
 */
export function accountLine(account: AccountView, locale?: string, alerts: TrayAlertState['alerts'] = []): string {
  const verdict = accountVerdict(account, alerts)
  const primary = account.balances[0]
  const concern = verdict.state === 'critical' || verdict.state === 'warning' ? ` · ${verdict.words}` : ''
  let detail: string
  // A manual account is never "checked": its recorded figures are current until the user says otherwise.
  const current = !account.stale && (account.status === 'ok' || account.status === 'never_polled')
  if (!current || verdict.state === 'no_data' || verdict.state === 'error') detail = verdict.words
  else if (primary) detail = `${formatMoney({ amount: primary.amount, unit: primary.unit }, locale)}${concern}`
  else detail = `No balance published${concern}`
  // The card's own runway, in the same words: the tray never shows a second figure.
  const runway = account.status === 'ok' && account.runwayDays !== null ? ` · ${runwayText(account.runwayDays)} left` : ''
  return `${account.label} — ${detail}${runway}`
}

/** Builds the tray from `accounts:list` views and optional signals (alerts). Pure. */
export function buildTrayModel(
  accounts: readonly AccountView[],
  options: { locale?: string; signals?: readonly TraySignal[]; alerts?: TrayAlertState } = {}
): TrayModel {
  const signals = [...(options.signals ?? [])]
  const alerts = options.alerts
  const verdicts = accounts.map((account) => accountVerdict(account, alerts?.alerts ?? []))
  const states = verdicts.map((verdict) => ICON_OF[verdict.state])
  if (alerts) {
    const active = alerts.alerts.filter((alert) => alert.state === 'active' && alert.severity !== 'info')
    const level = worst(active.map((alert) => alert.severity as TrayIconState))
    if (level !== 'ok') signals.push({ level, text: active.length === 1 ? '1 alert' : `${active.length} alerts` })
  }
  const icon = worst([...states, ...signals.map((signal) => signal.level)])

  const items: TrayMenuItem[] = accounts.slice(0, MAX_TRAY_ACCOUNTS).map((account, index) => {
    const budget = alerts ? budgetLine(alerts.budgets, account.id, options.locale) : null
    const item: TrayMenuItem = {
      kind: 'account',
      accountId: account.id,
      label: budget ? `${accountLine(account, options.locale, alerts?.alerts)} · ${budget}` : accountLine(account, options.locale, alerts?.alerts),
      state: states[index] ?? 'ok'
    }
    if (alerts) item.topUpUrl = account.billingUrl && isAllowedExternalUrl(account.billingUrl, [account.billingUrl]) ? account.billingUrl : null
    return item
  })
  const globalBudget = alerts ? budgetLine(alerts.budgets, null, options.locale) : null
  if (globalBudget) items.push({ kind: 'note', label: `All accounts — ${globalBudget}` })
  if (accounts.length > MAX_TRAY_ACCOUNTS) {
    items.push({ kind: 'note', label: `…and ${accounts.length - MAX_TRAY_ACCOUNTS} more` })
  }
  if (accounts.length === 0) items.push({ kind: 'note', label: 'No accounts yet' })
  items.push(
    { kind: 'separator' },
    { kind: 'action', action: 'refresh', label: 'Refresh' },
    { kind: 'action', action: 'open', label: 'Open Coffer' },
    { kind: 'separator' },
    { kind: 'action', action: 'quit', label: 'Quit Coffer' }
  )
  return { icon, tooltip: trayTooltip(accounts, verdicts, signals), items }
}

function trayTooltip(accounts: readonly AccountView[], verdicts: readonly AccountVerdict[], signals: readonly TraySignal[]): string {
  const count = accounts.length
  const parts = [count === 1 ? 'Coffer — 1 account' : `Coffer — ${count} accounts`]
  // Alerts are counted by their own signal ("2 alerts"); here only what the accounts' checks say.
  const critical = accounts.filter((account, index) => needsUserAction(account.status) || verdicts[index]?.state === 'error').length
  const warning = verdicts.filter((verdict) => verdict.state === 'stale').length
  if (critical) parts.push(`${critical} need${critical === 1 ? 's' : ''} your attention`)
  if (warning) parts.push(`${warning} out of date`)
  for (const signal of signals) parts.push(signal.text)
  const text = parts.join(' · ')
  return text.length <= MAX_TOOLTIP_LENGTH ? text : `${text.slice(0, MAX_TOOLTIP_LENGTH - 1)}…`
}

function worst(states: readonly TrayIconState[]): TrayIconState {
  if (states.includes('critical')) return 'critical'
  if (states.includes('warning')) return 'warning'
  return 'ok'
}

/**
 * A label safe for native menus: on Windows and Linux Electron reads `&` as a mnemonic marker,
 * so a literal one (an account called "R&D") is doubled there; macOS menus show text as is.
 */
export function menuLabel(text: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&')
}
