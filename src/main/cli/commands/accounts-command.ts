import type { Command } from 'commander'
import { findProvider, providerIds, type ProviderDescriptor } from '../../../shared/providers'
import { collect, wholeNumber } from '../arguments'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'
import { accountJson, accountLine, balanceText, printable, printableJson } from '../format'
import { cliFormat } from '../locale-format'
import { resolveAccount } from '../resolve-account'
import { loadTemplate, registerTemplateCommands } from './account-templates'

interface AddOptions {
  provider?: string
  label?: string
  template?: string
  baseUrl?: string
  option: string[]
  keyStdin?: boolean
  secretStdin: string[]
  pollInterval?: string
}

/** `coffer accounts add|list|remove`. */
export function registerAccountsCommand(program: Command, io: CliIo): void {
  const accounts = program.command('accounts').description('add, list and remove accounts')

  accounts
    .command('add')
    .description('add an account; the key is read from standard input (--key-stdin) and stored in the OS keychain')
    .option('--provider <id>', `provider: ${providerIds.join(', ')}`)
    .option('--label <text>', 'a name for this account (with --template, default: the template’s name)')
    .option('--template <file-or-name>', 'start from a template file, or a bundled one (coffer accounts templates); --option values override it')
    .option('--base-url <url>', 'override the provider’s base URL (proxies, relays)')
    .option('--option <key=value>', 'a provider option, repeatable', collect, [])
    .option('--key-stdin', 'read the key from standard input (its first line)')
    .option('--secret-stdin <option>', 'read a secret option (e.g. managementKey) from the next line of standard input; repeatable', collect, [])
    .option('--poll-interval <minutes>', 'minutes between polls')
    .action(async (options: AddOptions) => {
      const template = options.template === undefined ? null : loadTemplate(options.template)
      if (template && options.provider !== undefined && options.provider !== template.provider) {
        throw new UsageError(`The template is for a ${template.provider} account, not ${options.provider}: leave out --provider.`)
      }
      const providerId = template?.provider ?? options.provider
      if (providerId === undefined) throw new UsageError('Say which provider: --provider ID (or start from a template: --template FILE).')
      const label = options.label ?? template?.name
      if (label === undefined) throw new UsageError('Give the account a name: --label TEXT.')
      const descriptor = findProvider(providerId)
      if (!descriptor) throw new UsageError(`Unknown provider "${providerId}". Choose one of: ${providerIds.join(', ')}.`)
      if (descriptor.key.required && !options.keyStdin) {
        throw new UsageError(`${descriptor.name} accounts need a key (${descriptor.key.label}); keys are read from standard input only: \`… | coffer accounts add --provider ${descriptor.id} --label "${label}" --key-stdin\`.`)
      }
      const secretFields = new Set(descriptor.options.filter((field) => field.kind === 'secret').map((field) => field.key))
      const plainOptions = { ...template?.options, ...parseOptions(options.option, descriptor) }
      for (const name of Object.keys(plainOptions).filter((option) => secretFields.has(option))) {
        throw new UsageError(`${name} is a secret: arguments end up in shell history, so pass it on standard input with --secret-stdin ${name}.`)
      }
      for (const name of options.secretStdin.filter((option) => !secretFields.has(option))) {
        throw new UsageError(`${descriptor.name} has no secret option "${name}"${secretFields.size ? ` (secret options: ${[...secretFields].join(', ')})` : ''}.`)
      }
      const secrets = await readSecrets(io, [...(options.keyStdin ? ['key'] : []), ...options.secretStdin])
      const key = secrets.get('key')
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = await call(core, 'accounts:add', {
          draft: {
            provider: descriptor.id,
            label,
            baseUrl: options.baseUrl,
            options: { ...plainOptions, ...Object.fromEntries(options.secretStdin.map((name) => [name, secrets.get(name) ?? ''])) },
            pollIntervalMinutes: options.pollInterval === undefined ? undefined : wholeNumber(options.pollInterval, '--poll-interval')
          },
          key
        })
        io.out(`Added ${printable(account.label)} (${account.id}, ${descriptor.name})${account.hasKey ? `, key ${account.keyHint} stored in the keychain` : ''}.`)
      })
    })

  accounts
    .command('list')
    .description('list accounts')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const list = await call(core, 'accounts:list', {})
        if (options.json) {
          io.out(printableJson({ accounts: list.map((account) => ({ ...accountJson(account), hasKey: account.hasKey, keyHint: account.keyHint, baseUrl: account.baseUrl })) }))
        } else if (list.length === 0) {
          io.out('No accounts yet. Add one: coffer accounts add --provider openrouter --label "My key" --key-stdin')
        } else {
          const { locale } = cliFormat(io.env)
          // The same verdict as the card and `coffer status`: open alerts included.
          const { alerts } = await call(core, 'alerts:list', { states: ['active'], limit: 200 })
          // Columns as wide as their longest entry, so every line lines up.
          const labelWidth = Math.max(...list.map((account) => [...printable(account.label)].length))
          const balanceWidth = Math.max(...list.map((account) => [...printable(balanceText(account, locale))].length))
          const idWidth = Math.max(...list.map((account) => account.id.length))
          for (const account of list) io.out(`${account.id.padEnd(idWidth)}  ${accountLine(account, alerts, { locale, labelWidth, balanceWidth })}`)
        }
      })
    })

  registerTemplateCommands(accounts, program, io)

  accounts
    .command('remove')
    .description('remove an account, its history and its keychain entry')
    .argument('<id-or-label>')
    .action(async (idOrLabel: string) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = resolveAccount(core, idOrLabel)
        await call(core, 'accounts:remove', { id: account.id })
        io.out(`Removed ${printable(account.label)} (${account.id}).`)
      })
    })
}

/** `--option KEY=VALUE` pairs; a key the provider does not declare is a usage error naming the ones it has. */
function parseOptions(pairs: string[], descriptor: ProviderDescriptor): Record<string, string> {
  const known = descriptor.options.map((field) => field.key)
  const options = new Map<string, string>()
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`--option expects KEY=VALUE, got "${pair}".`)
    const key = pair.slice(0, at).trim()
    // Checked against the declared keys, not looked up in an object: `__proto__=…` would otherwise vanish silently.
    if (!known.includes(key)) throw new UsageError(`${descriptor.name} has no option "${key}" (options: ${known.join(', ') || 'none'}).`)
    options.set(key, pair.slice(at + 1))
  }
  return Object.fromEntries(options)
}

/**
 * Reads the named secrets from standard input, one per line in the order given (the key first).
 * Secrets never come from arguments: those end up in shell history and in `ps`.
 */
async function readSecrets(io: CliIo, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map()
  if (io.stdinIsTty) io.err(`Paste ${names.length === 1 ? 'the key' : `${names.join(', then ')}, one per line`}, then press Enter and Ctrl-D:`)
  const lines = (await io.readStdin()).split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  if (lines.length === 0) {
    throw new UsageError('--key-stdin was given but standard input was empty. Pipe the key in, e.g. `pass show openrouter | coffer accounts add … --key-stdin`.')
  }
  if (lines.length < names.length) {
    throw new UsageError(`Expected ${names.length} lines on standard input (${names.join(', ')}), got ${lines.length}.`)
  }
  return new Map(names.map((name, index) => [name, lines[index] ?? '']))
}
