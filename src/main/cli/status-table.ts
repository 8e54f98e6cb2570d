import { accountVerdict, type AccountStateAlert } from '../../shared/account-state'
import type { ApproxMoney, Overview } from '../../shared/contract/ledger-schemas'
import type { AccountView } from '../../shared/contract/schemas'
import { exclusionFixes, exclusionsText } from '../../shared/exclusions'
import { toMicros, microsToDecimal } from '../../shared/money'
import { runwayText } from '../../shared/runway'
import { printable } from './format'
import type { CliFormat } from './locale-format'

/** Terminal width the table is laid out for (issue 14.6: it fits 80 columns). */
export const TABLE_WIDTH = 80
const GAP = '  '
const ELLIPSIS = '…'

type Align = 'left' | 'right'
interface Column {
  header: string
  align: Align
}
const COLUMNS: Column[] = [
  { header: 'Account', align: 'left' },
  { header: 'Balance', align: 'right' },
  { header: 'Today', align: 'right' },
  { header: 'Month', align: 'right' },
  { header: 'Runway', align: 'left' },
  { header: 'State', align: 'left' }
]
const ACCOUNT = 0
const STATE = 5

/** Characters on screen (code points; labels are printable() first, so no control characters are left). */
const width = (text: string): number => [...text].length

/**
 * Prose lines under the table wrapped at word boundaries to `max` columns, continuation lines
 * indented by two spaces (a word longer than the line stays whole).
 */
export function wrap(text: string, max = TABLE_WIDTH): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`
    if (width(candidate) <= max || current.trim() === '') current = candidate
    else {
      lines.push(current)
      current = `  ${word}`
    }
  }
  lines.push(current)
  return lines
}

/** `text` cut to `max` characters with an ellipsis when longer. */
export function fit(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}${ELLIPSIS}`
}

function pad(text: string, size: number, align: Align): string {
  const room = Math.max(0, size - width(text))
  return align === 'right' ? `${' '.repeat(room)}${text}` : `${text}${' '.repeat(room)}`
}

/**
 * The cells of one account: label, primary balance, spend today and this month, runway, and the
 * verdict the card and the tray show (src/shared/account-state.ts), e.g. "Below your $5.00 alert".
 * Figures the card marks out of date say so in the state ("Out of date", or the verdict plus
 * "out of date"), so no marker shifts the columns.
 */
export function accountCells(account: AccountView, alerts: readonly AccountStateAlert[], format: CliFormat): string[] {
  const primary = account.balances[0]
  const verdict = accountVerdict(account, alerts)
  const state = account.stale && verdict.state !== 'stale' ? `${verdict.words}, out of date` : verdict.words
  return [
    printable(account.label),
    primary ? format.money(primary) : '—',
    account.spend ? format.money({ amount: account.spend.today, unit: account.spend.unit }) : '—',
    account.spend ? format.money({ amount: account.spend.monthToDate, unit: account.spend.unit }) : '—',
    account.runwayDays === null ? '—' : runwayText(account.runwayDays),
    printable(state)
  ]
}

const approx = (value: ApproxMoney, format: CliFormat): string => `${value.approximate ? '≈ ' : ''}${format.money(value)}`

/**
 * Today's spend over every account in the home currency, when every account spending today does so
 * in it (today's figures are not converted anywhere else either); `null` otherwise.
 */
function todayTotal(accounts: readonly AccountView[], home: string): string | null {
  let micros = 0
  for (const account of accounts) {
    if (!account.spend) continue
    if (account.spend.unit !== home && toMicros(account.spend.today) !== 0) return null
    if (account.spend.unit === home) micros += toMicros(account.spend.today)
  }
  return microsToDecimal(micros)
}

/**
 * `coffer status` for people: one aligned row per account (label, balance, today, month, runway,
 * state) and a total row, laid out to fit {@link TABLE_WIDTH} columns (the label and state columns
 * give way, with an ellipsis, to the figures); then what the totals left out and how to fix it, who
 * runs out first, and each account's error or warning in full.
 */
export function statusTable(accounts: readonly AccountView[], alerts: readonly AccountStateAlert[], overview: Overview, format: CliFormat): string[] {
  const rows = accounts.map((account) => accountCells(account, alerts, format))
  const today = todayTotal(accounts, overview.home)
  const total = ['Total', approx(overview.totalBalance, format), today === null ? '' : format.money({ amount: today, unit: overview.home }), approx(overview.monthToDate, format), '', '']
  const all = [COLUMNS.map((column) => column.header), ...rows, total]
  const sizes = COLUMNS.map((_, index) => Math.max(...all.map((row) => width(row[index] ?? ''))))
  // The figures keep their width; the label and the state share what is left of the 80 columns.
  const fixed = sizes.reduce((sum, size, index) => (index === ACCOUNT || index === STATE ? sum : sum + size), 0) + GAP.length * (COLUMNS.length - 1)
  const room = Math.max(20, TABLE_WIDTH - fixed)
  const labelWant = sizes[ACCOUNT] ?? 0
  const stateWant = sizes[STATE] ?? 0
  // Half each, then whatever one does not need goes to the other.
  let label = Math.min(labelWant, Math.max(12, Math.ceil(room / 2)))
  const state = Math.min(stateWant, room - label)
  label = Math.min(labelWant, room - state)
  sizes[ACCOUNT] = label
  sizes[STATE] = state
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) => pad(fit(cell, sizes[index] ?? 0), sizes[index] ?? 0, COLUMNS[index]?.align ?? 'left'))
      .join(GAP)
      .trimEnd()
  const rule = sizes.map((size) => '─'.repeat(size)).join(GAP)
  const lines = [line(all[0] as string[]), rule, ...rows.map(line), rule, line(total)]

  const { totalBalance, monthToDate, firstToRunOut: first } = overview
  if (totalBalance.excluded.length > 0) lines.push(`Balance total — ${exclusionsText(totalBalance.excluded, format.locale)}`)
  if (monthToDate.excluded.length > 0) lines.push(`Month total — ${exclusionsText(monthToDate.excluded, format.locale)}`)
  if (today === null) lines.push('Today total — not shown: some accounts spent today in other units.')
  for (const fix of exclusionFixes([...totalBalance.excluded, ...monthToDate.excluded])) lines.push(fix)
  if (first) lines.push(`Runs out first: ${first.label}, in ${runwayText(first.days)}${first.date ? ` (${format.day(first.date)})` : ''}.`)
  for (const [index, account] of accounts.entries()) {
    // A state cut short in its column is said in full here, with the alert's own sentence.
    const words = rows[index]?.[STATE] ?? ''
    const detail = accountVerdict(account, alerts).detail
    if (width(words) > state) lines.push(`${account.label}: ${detail ?? words}`)
    if (account.error) lines.push(`${account.label}: ${account.error.message}`)
    else if (account.warning) lines.push(`${account.label}: warning: ${account.warning}`)
  }
  // Everything after the table quotes labels or provider text: printed escaped, then wrapped.
  const tableLines = rows.length + 4
  return [...lines.slice(0, tableLines), ...lines.slice(tableLines).flatMap((note) => wrap(printable(note)))]
}
