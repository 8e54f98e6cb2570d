import type { Command } from 'commander'
import { alertKindText, snoozeChoices, type RuleKind, type SnoozeChoice } from '../../../shared/alerts'
import type { AlertView, RuleView } from '../../../shared/contract/alerts-calls'
import { positiveInteger } from '../arguments'
import { UsageError, type CliIo } from '../cli-io'
import { printable, printableJson } from '../format'
import { cliFormat, type CliFormat } from '../locale-format'
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
 * `coffer alerts rule remove ID|LABEL [--kind below|runway-days|expiring-days]`;
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
          const format = cliFormat(io.env)
          for (const alert of list) io.out(alertLine(alert, format))
        }
      })
    })

  const rule = alerts
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
        const saved = await call(core, 'rules:set', {
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
          io.out(printableJson({ rule: saved }))
          return
        }
        io.out(`Alert rule set for ${printable(account.label)}: ${printable(ruleText(saved))}.`)
      })
    })

  // `alerts rule remove`: a subcommand of `rule`, which Commander tries before `rule`'s own account argument.
  rule
    .command('remove')
    .description('remove an account’s alert rule (its open alert resolves)')
    .argument('<id-or-label>', 'the account')
    .option('--kind <kind>', `which rule, when the account has several: ${Object.keys(RULE_KIND_WORDS).join(' | ')}`)
    .action(async (idOrLabel: string, options: { kind?: string }) => {
      const kind = options.kind === undefined ? undefined : RULE_KIND_WORDS[options.kind]
      if (options.kind !== undefined && !kind) throw new UsageError(`--kind is one of ${Object.keys(RULE_KIND_WORDS).join(', ')} (got "${printable(options.kind)}").`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = resolveAccount(core, idOrLabel)
        const rules = (await call(core, 'rules:list', { accountId: account.id })).filter((candidate) => kind === undefined || candidate.kind === kind)
        const label = printable(account.label)
        if (rules.length === 0) throw new UsageError(`${label} has no ${kind ? `${ruleWords(kind)} ` : ''}alert rule to remove.`)
        if (rules.length > 1) {
          throw new UsageError(`${label} has ${rules.length} alert rules (${rules.map((candidate) => ruleText(candidate)).join('; ')}): say which with --kind ${Object.keys(RULE_KIND_WORDS).join('|')}.`)
        }
        const [only] = rules as [RuleView]
        await call(core, 'rules:remove', { id: only.id })
        io.out(`Removed the alert rule for ${label}: ${printable(ruleText(only))}.`)
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

/** `--kind` words of `alerts rule remove`, as the flags of `alerts rule` name them. */
const RULE_KIND_WORDS: Record<string, RuleKind | undefined> = { below: 'low_balance', 'runway-days': 'runway', 'expiring-days': 'expiring_credit' }

function ruleWords(kind: RuleKind): string {
  return kind === 'low_balance' ? 'low-balance' : kind === 'runway' ? 'runway' : 'expiring-credit'
}

/** A rule in words: "balance below 400 CNY", "runway below 7 days". */
export function ruleText(rule: Pick<RuleView, 'kind' | 'below' | 'days'>): string {
  if (rule.kind === 'low_balance') return `balance below ${rule.below?.amount} ${rule.below?.unit ?? '(primary unit)'}`
  return rule.kind === 'runway' ? `runway below ${rule.days} days` : `credit expiring within ${rule.days} days`
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

/** One alert for people: number, state, kind, when it fired (the user's locale and time zone), and its sentence. */
function alertLine(alert: AlertView, format: CliFormat): string {
  const state = alert.state === 'snoozed' ? `snoozed${alert.snoozeUntilTopUp ? ' until top-up' : alert.snoozeUntil ? ` until ${format.moment(alert.snoozeUntil)}` : ''}` : alert.state
  return `#${String(alert.id).padEnd(5)} ${state.padEnd(10)} ${alertKindText[alert.kind].padEnd(17)} ${format.moment(alert.firedAt).padEnd(16)}  ${printable(alert.message)}`
}
