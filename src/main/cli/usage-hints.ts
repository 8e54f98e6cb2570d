import type { Command } from 'commander'
import type { z } from 'zod'
import { printable } from './format'

/** `coffer budget set`: the words a user types to reach `command`. */
export function commandPath(command: Command): string {
  const names: string[] = []
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name())
  return names.join(' ')
}

/** The hint every usage error ends with: the help of the command the user ran, not the whole CLI's. */
export function helpHint(command: Command): string {
  return `(see \`${commandPath(command)} --help\`)`
}

/**
 * Makes every usage error one line in the CLI's own voice, `coffer: <sentence> (see \`coffer budget
 * set --help\`)`: Commander's parse errors ("error: unknown option '--x'") on every command, and
 * returns a function naming the command the user reached, for errors the actions throw.
 */
export function installHelpHints(program: Command): () => Command {
  let reached: Command = program
  const visit = (command: Command): void => {
    const hint = helpHint(command)
    command.showHelpAfterError(false)
    command.configureOutput({
      ...command.configureOutput(),
      outputError: (text, write) => write(`coffer: ${text.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} ${hint}\n`)
    })
    command.hook('preSubcommand', (_parent, sub) => {
      reached = sub
    })
    command.hook('preAction', (_self, action) => {
      reached = action
    })
    for (const sub of command.commands) visit(sub)
  }
  visit(program)
  return () => reached
}

/**
 * Request fields as the CLI's flags name them, by the last key of a validation path
 * (`draft.baseUrl` → `--base-url`, `filter.from` → `--from`): errors speak of what the user typed,
 * not of the bridge contract's field names.
 */
const FLAG_FOR_FIELD: Record<string, string> = {
  baseUrl: '--base-url',
  label: '--label',
  provider: '--provider',
  pollIntervalMinutes: '--poll-interval',
  from: '--from',
  to: '--to',
  amount: '--amount',
  unit: '--unit',
  at: '--at',
  expiresAt: '--expires',
  note: '--note',
  limit: '--limit',
  period: '--period',
  thresholds: '--thresholds',
  webhookUrl: '--webhook',
  below: '--below',
  windowDays: '--window',
  rate: 'the rate',
  key: 'the key'
}

/**
 * One validation failure as one sentence in the user's terms: the first issue, its field named by
 * the flag that set it (`--base-url: Use https://…`), a provider option by its name
 * (`--option url: …`); internal paths never show. Issues after the first are left for the next try.
 */
export function issueSentence(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0]
  if (!issue) return 'The request was refused.'
  const keys = issue.path.filter((part): part is string => typeof part === 'string')
  const optionAt = keys.indexOf('options')
  const field = optionAt >= 0 && keys[optionAt + 1] ? `--option ${keys[optionAt + 1]}` : [...keys].reverse().map((key) => FLAG_FOR_FIELD[key]).find((flag) => flag !== undefined)
  const message = issue.message.trim().replace(/([^.!?])$/, '$1.')
  return printable(field ? `${field}: ${message}` : message)
}
