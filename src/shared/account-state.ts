/**
 * The one verdict on an account that every glance shows — the card's colour and pill, the tray's
 * menu and icon, `coffer status` — so the three can never disagree. Pure: no Node, no DOM.
 */
import { accountStatusText, needsUserAction, type AccountStatus } from './account-status'
import { alertKindText, type AlertKind, type AlertSeverity, type AlertState } from './alerts'

/** Worst first: `critical` and `error` ask the user to act, `no_data` has nothing to judge yet. */
export const accountStates = ['critical', 'error', 'warning', 'stale', 'no_data', 'ok'] as const
export type AccountState = (typeof accountStates)[number]

/** The parts of an account view the verdict reads. */
export interface AccountStateAccount {
  id: string
  /** `manual` accounts are never checked with a provider: with nothing recorded they have "no data yet". */
  provider?: string
  status: AccountStatus
  stale: boolean
  balances: readonly unknown[]
  spend: unknown
}

/** The parts of an alert view the verdict reads (`alerts:list` rows). */
export interface AccountStateAlert {
  id?: number
  accountId: string | null
  kind: AlertKind
  severity: AlertSeverity
  state: AlertState
  message: string
  firedAt: string
}

/** What a glance says about one account. */
export interface AccountVerdict {
  state: AccountState
  /** A few words for the pill: "Below your $5.00 alert", "Key rejected", "Up to date". */
  words: string
  /** The whole sentence behind `words` when there is one (an alert's message), for screen readers and details. */
  detail: string | null
}

/** Words for each state when nothing more specific is known. */
export const accountStateText: Record<AccountState, string> = {
  critical: 'Needs attention',
  error: 'Needs attention',
  warning: 'Warning',
  stale: 'Out of date',
  no_data: 'No data yet',
  ok: 'Up to date'
}

/** Statuses where the provider failed for now: Coffer retries on its own. */
const TRANSIENT: ReadonlySet<AccountStatus> = new Set(['rate_limited', 'unreachable', 'provider_error', 'bad_response'])

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 2, warning: 1, info: 0 }

/**
 * Orders alerts worst first: severity, then the newest, then the highest id (same instant).
 * Shared by the banner and the verdict, so "the worst alert" means the same thing everywhere.
 */
export function compareAlerts(a: Pick<AccountStateAlert, 'severity' | 'firedAt' | 'id'>, b: Pick<AccountStateAlert, 'severity' | 'firedAt' | 'id'>): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    Date.parse(b.firedAt) - Date.parse(a.firedAt) ||
    (b.id ?? 0) - (a.id ?? 0)
  )
}

/** The worst open (active, not informational) alert of `accountId`, or `undefined`. */
export function worstAlert<A extends AccountStateAlert>(alerts: readonly A[], accountId: string | null): A | undefined {
  return alerts.filter((alert) => alert.accountId === accountId && alert.state === 'active' && alert.severity !== 'info').sort(compareAlerts)[0]
}

/**
 * The verdict on one account from its view and the alerts Coffer holds (any account's: only its
 * own count). Order of precedence: a critical alert; a problem only the user can fix (rejected
 * key, locked keychain); a warning alert; figures that are out of date; nothing recorded yet; ok.
 * Snoozed and resolved alerts do not colour the card: the user has dealt with them.
 */
export function accountVerdict(account: AccountStateAccount, alerts: readonly AccountStateAlert[] = []): AccountVerdict {
  const alert = worstAlert(alerts, account.id)
  if (alert?.severity === 'critical') return fromAlert('critical', alert)
  if (needsUserAction(account.status)) return { state: 'error', words: accountStatusText[account.status], detail: null }
  if (alert) return fromAlert('warning', alert)
  // A Claude Code / Codex account has no balance or spend: a successful read of its logs is its data (issue 12).
  const readsLocalLogs = (account.provider === 'claude-code' || account.provider === 'codex') && account.status === 'ok'
  const hasData = account.balances.length > 0 || (account.spend !== null && account.spend !== undefined) || readsLocalLogs
  if (TRANSIENT.has(account.status)) {
    // A failed check with nothing to fall back on is an error, not merely old figures.
    return { state: hasData ? 'stale' : 'error', words: accountStatusText[account.status], detail: null }
  }
  if (account.stale) return { state: 'stale', words: accountStateText.stale, detail: null }
  if (!hasData) {
    const words = account.status === 'never_polled' && account.provider !== 'manual' ? accountStatusText.never_polled : accountStateText.no_data
    return { state: 'no_data', words, detail: null }
  }
  return { state: 'ok', words: accountStateText.ok, detail: null }
}

function fromAlert(state: 'critical' | 'warning', alert: AccountStateAlert): AccountVerdict {
  return { state, words: alertWords(alert), detail: alert.message }
}

/**
 * A few words for an alert, taken from core's sentence (conditions.ts writes them): the reason
 * without the account's name, which the card already shows. Falls back to the alert's kind.
 */
export function alertWords(alert: Pick<AccountStateAlert, 'kind' | 'message'>): string {
  const text = alert.message
  switch (alert.kind) {
    case 'low_balance': {
      if (/has no credit left/.test(text)) return 'No credit left'
      const line = /below your alert at (.+?)\.$/.exec(text)?.[1]
      return line ? `Below your ${line} alert` : 'Low balance'
    }
    case 'runway': {
      const left = /runs out in (.+?) at the recent rate/.exec(text)?.[1]
      return left ? `Runs out in ${left}` : 'Running out soon'
    }
    case 'budget': {
      const share = /\((\d+(?:\.\d+)?) %/.exec(text)?.[1]
      return share ? `${share} % of a spend limit` : 'Spend limit reached'
    }
    case 'expiring_credit': {
      const by = /expires by (\d{4}-\d{2}-\d{2})/.exec(text)?.[1]
      return by ? `Credit expires by ${by}` : 'Credit expiring'
    }
    case 'auth_failed':
      return accountStatusText.auth_failed
    default:
      return alertKindText[alert.kind]
  }
}
