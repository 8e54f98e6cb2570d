import type { Command } from 'commander'
import { alertKindText, snoozeChoices, type SnoozeChoice } from '../../../shared/alerts'
import type { AlertView } from '../../../shared/contract/alerts-calls'
import { positiveInteger } from '../arguments'
import { UsageError, type CliIo } from '../cli-io'
import { printable, printableJson } from '../format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { resolveAccount } from '../resolve-account'

interface RuleOptions {
  below?: string
  unit?: string
  runwayDays?: string
  expiringDays?: string
  webhook?: string
  allowLocalWebhook?: boolean
  json?: boolean
}

/**
 * `coffer alerts [--json]`: active and recent alerts; `coffer alerts rule ID|LABEL (--below DEC
 * [--unit U] | --runway-days N | --expiring-days N)`; `coffer alerts snooze|dismiss ALERT-ID`;
 * `coffer alerts auto-reload ID|LABEL on|off`; `coffer alerts quiet-hours FROM TO | off`.
 */
export function registerAlertsCommand(program: Command, io: CliIo): void {
  const alerts = program
    .command('alerts')
    .description('active and recent alerts; `alerts rule` sets an alert rule')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const { alerts: list, level } = await call(core, 'alerts:list', { limit: 200 })
        if (options.json) {
          io.out(printableJson({ alerts: list.map(alertJson), level }))
        } else if (list.length === 0) {
          io.out('No alerts. Set one with: coffer alerts rule ID|LABEL --below 5')
        } else {
          for (const alert of list) io.out(alertLine(alert))
        }
      })
    })

  alerts
    .command('rule')
    .description('set an account’s alert rule: below an amount, below N days of runway, or credit expiring within N days')
    .argument('<id-or-label>', 'the account')
    .option('--below <amount>', 'alert when the balance falls below this amount')
    .option('--unit <unit>', 'unit of --below (default: the account’s primary balance unit)')
    .option('--runway-days <n>', 'alert when the balance lasts fewer than N days at the recent rate')
    .option('--expiring-days <n>', 'alert when some credit expires within N days')
    .option('--webhook <url>', 'also POST the alert to this URL (ntfy or Slack incoming webhook)')
    .option('--allow-local-webhook', 'let the webhook reach this machine or the local network (127.0.0.1, 10.x, 192.168.x…)')
    .option('--json', 'machine-readable output')
    .action(async (idOrLabel: string, options: RuleOptions) => {
      const chosen = [options.below, options.runwayDays, options.expiringDays].filter((value) => value !== undefined)
      if (chosen.length !== 1) throw new UsageError('Give exactly one of --below DEC, --runway-days N or --expiring-days N.')
      if (options.unit !== undefined && options.below === undefined) throw new UsageError('--unit goes with --below.')
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = resolveAccount(core, idOrLabel)
        const rule = await call(core, 'rules:set', {
          accountId: account.id,
          ...(options.below !== undefined
            ? { kind: 'low_balance' as const, below: { amount: options.below, unit: options.unit ?? null } }
            : options.runwayDays !== undefined
              ? { kind: 'runway' as const, days: positiveInteger(options.runwayDays, '--runway-days') }
              : { kind: 'expiring_credit' as const, days: positiveInteger(options.expiringDays as string, '--expiring-days') }),
          ...(options.webhook !== undefined ? { webhookUrl: options.webhook } : {}),
          ...(options.allowLocalWebhook ? { webhookAllowLocal: true } : {})
        })
        if (options.json) {
          io.out(printableJson({ rule }))
          return
        }
        const what =
          rule.kind === 'low_balance'
            ? `balance below ${rule.below?.amount} ${rule.below?.unit ?? '(primary unit)'}`
            : rule.kind === 'runway'
              ? `runway below ${rule.days} days`
              : `credit expiring within ${rule.days} days`
        io.out(`Alert rule set for ${printable(account.label)}: ${printable(what)}.`)
      })
    })

  alerts
    .command('auto-reload')
    .description('mark an account as reloading automatically at the provider (no low-balance alarm; top-ups announced)')
    .argument('<id-or-label>', 'the account')
    .argument('<on|off>', 'on or off')
    .action(async (idOrLabel: string, value: string) => {
      if (value !== 'on' && value !== 'off') throw new UsageError('Say on or off, e.g. `coffer alerts auto-reload DeepSeek on`.')
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = resolveAccount(core, idOrLabel)
        await call(core, 'alerts:set-auto-reload', { accountId: account.id, autoReload: value === 'on' })
        const label = printable(account.label)
        io.out(value === 'on' ? `${label} reloads automatically: no low-balance alarm; top-ups are announced.` : `${label}: low-balance alarms are back on.`)
      })
    })

  alerts
    .command('quiet-hours')
    .description('hold notifications and webhooks during these local hours (alerts are still recorded)')
    .argument('<from|off>', 'start, 24-hour HH:MM, or off')
    .argument('[to]', 'end, 24-hour HH:MM')
    .action(async (from: string, to: string | undefined) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const current = (await call(core, 'alerts:settings', {})).quietHours
        if (from === 'off') {
          await call(core, 'alerts:update-settings', { quietHours: { ...current, enabled: false } })
          io.out('Quiet hours off.')
          return
        }
        if (to === undefined) throw new UsageError('Give both ends, e.g. `coffer alerts quiet-hours 22:00 07:00`, or `off`.')
        const saved = await call(core, 'alerts:update-settings', { quietHours: { enabled: true, start: from, end: to } })
        io.out(`Quiet hours ${saved.quietHours.start}–${saved.quietHours.end} (this machine’s time).`)
      })
    })

  alerts
    .command('snooze')
    .description('snooze an open alert')
    .argument('<alert-id>', 'the alert’s id (see `coffer alerts`)')
    .option('--for <choice>', `${snoozeChoices.join(' | ')}`, '1h')
    .action(async (id: string, options: { for: string }) => {
      if (!(snoozeChoices as readonly string[]).includes(options.for)) throw new UsageError(`--for must be one of ${snoozeChoices.join(', ')}.`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const alert = await call(core, 'alerts:snooze', { id: positiveInteger(id, 'alert id'), snooze: options.for as SnoozeChoice })
        io.out(`Snoozed alert ${alert.id}.`)
      })
    })

  alerts
    .command('dismiss')
    .description('dismiss an open alert (it stays quiet until its condition clears)')
    .argument('<alert-id>', 'the alert’s id (see `coffer alerts`)')
    .action(async (id: string) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const alert = await call(core, 'alerts:dismiss', { id: positiveInteger(id, 'alert id') })
        io.out(`Dismissed alert ${alert.id}.`)
      })
    })
}

/** `alerts --json` shape of one alert (ARCHITECTURE.md, CLI). */
export function alertJson(alert: AlertView): Record<string, unknown> {
  return {
    id: alert.id,
    accountId: alert.accountId,
    kind: alert.kind,
    state: alert.state,
    firedAt: alert.firedAt,
    message: alert.message,
    severity: alert.severity,
    resolvedAt: alert.resolvedAt,
    snoozeUntil: alert.snoozeUntil
  }
}

function alertLine(alert: AlertView): string {
  const state = alert.state === 'snoozed' ? `snoozed${alert.snoozeUntilTopUp ? ' until top-up' : alert.snoozeUntil ? ` until ${alert.snoozeUntil}` : ''}` : alert.state
  return `#${String(alert.id).padEnd(5)} ${state.padEnd(10)} ${alertKindText[alert.kind].padEnd(17)} ${alert.firedAt.slice(0, 16).replace('T', ' ')}  ${printable(alert.message)}`
}
