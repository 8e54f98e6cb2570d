import { accountVerdict, type AccountStateAlert } from '../../shared/account-state'
import { balanceKindText } from '../../shared/balance-kinds'
import type { AccountView, PollReport } from '../../shared/contract/schemas'
import { formatMoney } from '../../shared/money'
import { escapeUnsafe, terminalJson } from '../../shared/text-safety'

/**
 * Text from the ledger or a provider, safe to print: control characters and bidi overrides (in
 * labels stored before they were refused, or in a provider's error text) shown as `\u001b`-style
 * escapes instead of being run by the terminal or forging a row.
 */
export const printable = escapeUnsafe

/** `--json` output: pretty JSON whose strings cannot carry raw C1 or bidi characters to the terminal. */
export const printableJson = terminalJson

/** `status --json` / `accounts list --json` shape of one account (ARCHITECTURE.md, CLI). */
export function accountJson(account: AccountView): Record<string, unknown> {
  return {
    id: account.id,
    provider: account.provider,
    label: account.label,
    status: account.status,
    stale: account.stale,
    balances: account.balances.map(({ unit, amount, kind, source, asOf }) => ({ unit, amount, kind, source, asOf })),
    spend: account.spend,
    runwayDays: account.runwayDays,
    lastPolledAt: account.lastPolledAt,
    error: account.error,
    warning: account.warning ?? null
  }
}

/**
 * One line per account for people: label, primary balance, and the verdict the card and the tray
 * show (src/shared/account-state.ts), e.g. "Below your $5.00 alert", from `alerts` when given.
 */
export function accountLine(account: AccountView, alerts: readonly AccountStateAlert[] = [], layout: { locale?: string; labelWidth?: number; balanceWidth?: number } = {}): string {
  const balance = balanceText(account, layout.locale)
  // Out-of-date figures are said in the state, as in `coffer status`: no marker shifts what follows.
  const verdict = accountVerdict(account, alerts)
  const state = account.stale && verdict.state !== 'stale' ? `${verdict.words}, out of date` : verdict.words
  const error = account.error ? ` — ${printable(account.error.message)}` : ''
  return `${printable(account.label).padEnd(layout.labelWidth ?? 20)} ${account.provider.padEnd(12)} ${printable(balance).padEnd(layout.balanceWidth ?? 30)} ${printable(state)}${error}`
}

/** The primary balance with its kind and source, "$6.52 (Balance, derived)", or "—". */
export function balanceText(account: AccountView, locale = 'en-US'): string {
  const primary = account.balances[0]
  return primary ? `${formatMoney(primary, locale)} (${balanceKindText[primary.kind]}, ${primary.source})` : '—'
}

/** One line per poll result. */
export function pollLine(report: PollReport): string {
  const detail = report.error ? ` — ${printable(report.error.message)}` : report.warning ? ` — warning: ${printable(report.warning)}` : ''
  return `${printable(report.label).padEnd(20)} ${report.status.padEnd(20)} ${report.durationMs} ms${detail}`
}
