import type { Command } from 'commander'
import { alertKindText, alertSeverities, type AlertSeverity } from '../../../shared/alerts'
import type { AlertView } from '../../../shared/contract/alerts-calls'
import type { PollReport } from '../../../shared/contract/schemas'
import { CommandExit, UsageError, type CliIo } from '../cli-io'
import { pollLine, printable, printableJson } from '../format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { alertJson } from './alerts-command'

/** Exit code of `coffer check` when an alert at or above the asked severity is open. */
export const EXIT_ALERTS_OPEN = 3

/** Severities `--severity` accepts: `info` alerts (a detected top-up) are announcements, never a failure. */
const checkSeverities = ['warning', 'critical'] as const satisfies readonly AlertSeverity[]
type CheckSeverity = (typeof checkSeverities)[number]

interface CheckOptions {
  severity: string
  poll?: boolean
  includeSnoozed?: boolean
  quiet?: boolean
  json?: boolean
}

/**
 * `coffer check [--severity warning|critical] [--poll] [--include-snoozed] [--quiet] [--json]`: for
 * cron and CI. Exit 0 when no alert at or above the severity is open, {@link EXIT_ALERTS_OPEN} (3)
 * when one is (they are printed), 2 on bad usage.
 */
export function registerCheckCommand(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('exit 0 when no alert at or above --severity is open, 3 when one is (for cron and CI)')
    .option('--severity <level>', 'warning (warning and critical alerts count) or critical (only critical ones)', 'warning')
    .option('--poll', 'poll every account first')
    .option('--include-snoozed', 'count snoozed alerts too (by default a snoozed alert does not fail the check, as in the tray)')
    .option('--quiet', 'print nothing when the check passes (cron mails any output)')
    .option('--json', 'machine-readable output')
    .action(async (options: CheckOptions) => {
      if (!(checkSeverities as readonly string[]).includes(options.severity)) {
        throw new UsageError(`--severity must be warning or critical, got "${options.severity}".`)
      }
      const severity = options.severity as CheckSeverity
      const failing = await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const polls: PollReport[] = options.poll ? await call(core, 'accounts:poll', { ids: [] }) : []
        const states = options.includeSnoozed ? (['active', 'snoozed'] as const) : (['active'] as const)
        const { alerts } = await call(core, 'alerts:list', { states: [...states], limit: 1000 })
        const open = alerts.filter((alert) => atOrAbove(alert.severity, severity))
        report(io, options, severity, open, polls)
        return open.length > 0
      })
      // Thrown after the core closed, so the ledger and the daily backup are done with.
      if (failing) throw new CommandExit(EXIT_ALERTS_OPEN)
    })
}

/** True when `severity` is `threshold` or worse (info < warning < critical). */
export function atOrAbove(severity: AlertSeverity, threshold: CheckSeverity): boolean {
  return alertSeverities.indexOf(severity) >= alertSeverities.indexOf(threshold)
}

function report(io: CliIo, options: CheckOptions, severity: CheckSeverity, open: AlertView[], polls: PollReport[]): void {
  if (options.json) {
    const json = {
      ok: open.length === 0,
      severity,
      alerts: open.map((alert) => ({ ...alertJson(alert), accountLabel: alert.accountLabel })),
      ...(options.poll ? { polls } : {})
    }
    io.out(printableJson(json))
    return
  }
  if (open.length === 0) {
    if (!options.quiet) io.out(`OK: no open alert at ${severity} or above.`)
    return
  }
  for (const report of polls) io.out(pollLine(report))
  io.out(`${open.length} open alert${open.length === 1 ? '' : 's'} at ${severity} or above:`)
  for (const alert of open) io.out(checkLine(alert))
}

/** One open alert for people: severity, kind, account and message. */
function checkLine(alert: AlertView): string {
  const who = alert.accountLabel === null ? 'All accounts' : printable(alert.accountLabel)
  const snoozed = alert.state === 'snoozed' ? ' (snoozed)' : ''
  return `${alert.severity.toUpperCase().padEnd(8)} ${alertKindText[alert.kind].padEnd(17)} ${who.padEnd(20)} ${printable(alert.message)}${snoozed}`
}
