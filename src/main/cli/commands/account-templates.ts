import { readFileSync, statSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { bundledTemplates } from '../../../shared/bundled-templates'
import { MAX_TEMPLATE_BYTES, parseProviderTemplate, templateFileText, templateFromOptions, type ProviderTemplate } from '../../../shared/provider-template'
import { UsageError, type CliIo } from '../cli-io'
import { printable } from '../format'
import { withCliCore, type GlobalOptions } from '../open-cli-core'
import { resolveAccount } from '../resolve-account'

/**
 * The template `--template` names: a bundled one by its id (`stepfun`), or a template file.
 *
 * @throws UsageError saying why the file cannot be used, or which bundled templates exist.
 */
export function loadTemplate(nameOrPath: string): ProviderTemplate {
  const bundled = bundledTemplates().find((candidate) => candidate.id === nameOrPath)
  if (bundled) return bundled.template
  let size: number
  try {
    size = statSync(nameOrPath).size
  } catch {
    const ids = bundledTemplates().map((candidate) => candidate.id)
    throw new UsageError(`No template file "${printable(nameOrPath)}", and no bundled template of that name (bundled: ${ids.join(', ')}).`)
  }
  if (size > MAX_TEMPLATE_BYTES) throw new UsageError(`"${printable(nameOrPath)}" is larger than a template can be (${MAX_TEMPLATE_BYTES / 1024} KB).`)
  let text: string
  try {
    text = readFileSync(nameOrPath, 'utf8')
  } catch (error) {
    throw new UsageError(`Could not read "${printable(nameOrPath)}": ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`)
  }
  const parsed = parseProviderTemplate(text)
  if (!parsed.ok) throw new UsageError(`${printable(nameOrPath)}: ${parsed.message}`)
  return parsed.template
}

/** `coffer accounts templates` (the bundled ones) and `coffer accounts export-template ID|LABEL [--out FILE]`. */
export function registerTemplateCommands(accounts: Command, program: Command, io: CliIo): void {
  accounts
    .command('templates')
    .description('list the bundled provider templates (use one with accounts add --template NAME)')
    .action(() => {
      for (const { id, template } of bundledTemplates()) io.out(`${id}  ${template.name}${template.source ? `  (${template.source})` : ''}`)
    })

  accounts
    .command('export-template')
    .description('write a custom account’s settings (never its key) as a template file others can import')
    .argument('<id-or-label>')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--name <text>', 'the template’s name (default: the account’s label)')
    .action(async (idOrLabel: string, options: { out?: string; name?: string }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = resolveAccount(core, idOrLabel)
        if (account.provider !== 'custom') {
          throw new UsageError(`${printable(account.label)} is a ${account.provider} account: only custom accounts have settings to share as a template.`)
        }
        // The account's options hold no secret (keys live in the keychain); only custom settings are kept.
        const template = templateFromOptions(options.name ?? account.label, account.options)
        const text = templateFileText(template)
        const check = parseProviderTemplate(text)
        if (!check.ok) throw new UsageError(`${printable(account.label)}’s settings cannot be shared: ${check.message}`)
        if (options.out) {
          writeFileSync(options.out, text, { encoding: 'utf8', mode: 0o600 })
          io.err(`Wrote the settings of ${printable(account.label)} (no key) to ${options.out}.`)
        } else {
          io.out(text.replace(/\n$/, ''))
        }
      })
    })
}
