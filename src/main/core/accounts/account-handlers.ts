import type { Handlers } from '../../../shared/contract'
import { CofferError } from '../../../shared/errors'
import { newAccountId } from '../../../shared/ids'
import { findProvider, type ProviderDescriptor } from '../../../shared/providers'
import { urlHasCredentials } from '../../../shared/url-rules'
import type { AccountRecord } from '../ledger/accounts-repo'
import { testConnection } from '../poller/poll-account'
import { KeychainUnavailableError, maskKey, secretSlots, type SecretSlot } from '../secrets/secret-store'
import type { CoreContext } from '../core-context'
import { pollNow, requireAccount, viewAccount } from './account-service'

type AccountHandlers = Pick<
  Handlers,
  'accounts:list' | 'accounts:add' | 'accounts:update' | 'accounts:set-key' | 'accounts:remove' | 'accounts:test' | 'accounts:poll'
>

/** Implements the account calls of the contract over core's services. */
export function createAccountHandlers(context: CoreContext): AccountHandlers {
  const changed = (ids: string[]): void => {
    context.emit('accounts:changed', { ids })
    context.poller.refreshSchedule()
  }

  return {
    'accounts:list': async () => context.accounts.list().map((account) => viewAccount(context, account)),

    'accounts:add': async ({ draft, key }) => {
      const descriptor = requireProvider(draft.provider)
      const options = checkOptions(descriptor, draft.options, draft.baseUrl ?? null)
      if (context.accounts.labelTaken(draft.label)) {
        throw new CofferError('conflict', `An account called “${draft.label}” already exists. Choose another label.`)
      }
      if (descriptor.key.required && !key) {
        throw new CofferError('bad_request', `${descriptor.name} accounts need a key (${descriptor.key.label}). ${descriptor.key.help}`)
      }
      checkInterval(descriptor, draft.pollIntervalMinutes)
      const account: AccountRecord = {
        id: newAccountId(),
        provider: draft.provider,
        label: draft.label,
        baseUrl: draft.baseUrl ?? null,
        options,
        pollIntervalMinutes: draft.pollIntervalMinutes ?? descriptor.pollIntervalMinutes ?? context.preferences.read().defaultPollIntervalMinutes,
        keyHint: key ? maskKey(key) : null,
        createdAt: context.now().toISOString()
      }
      // Keys first: if the keychain is unavailable nothing at all is stored.
      if (key) await storeKey(context, account.id, key)
      await storeSecretOptions(context, descriptor, account.id, draft.options)
      try {
        context.accounts.insert(account)
      } catch (error) {
        for (const slot of secretSlots) await context.secrets.delete(account.id, slot).catch(() => false)
        // Two adds with one label can both pass labelTaken() while their keys are being stored.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new CofferError('conflict', `An account called “${draft.label}” already exists. Choose another label.`)
        }
        throw error
      }
      changed([account.id])
      return viewAccount(context, account)
    },

    'accounts:update': async ({ id, label, baseUrl, options, pollIntervalMinutes }) => {
      const account = requireAccount(context, id)
      checkInterval(requireProvider(account.provider), pollIntervalMinutes)
      if (label !== undefined && context.accounts.labelTaken(label, id)) {
        throw new CofferError('conflict', `An account called “${label}” already exists. Choose another label.`)
      }
      const updated: AccountRecord = {
        ...account,
        label: label ?? account.label,
        baseUrl: baseUrl === undefined ? account.baseUrl : baseUrl,
        options:
          options === undefined
            ? account.options
            : checkOptions(requireProvider(account.provider), options, baseUrl === undefined ? account.baseUrl : baseUrl),
        pollIntervalMinutes: pollIntervalMinutes ?? account.pollIntervalMinutes
      }
      // Secrets last: a rejected label or invalid option must not have replaced a key already.
      if (options) await storeSecretOptions(context, requireProvider(account.provider), id, options)
      context.accounts.update(updated)
      changed([id])
      return viewAccount(context, updated)
    },

    'accounts:set-key': async ({ id, key }) => {
      const account = requireAccount(context, id)
      await storeKey(context, id, key)
      const updated = { ...account, keyHint: maskKey(key) }
      context.accounts.update(updated)
      changed([id])
      return viewAccount(context, updated)
    },

    'accounts:remove': async ({ id }) => {
      const account = requireAccount(context, id)
      try {
        for (const slot of secretSlots) await context.secrets.delete(id, slot)
      } catch (error) {
        if (!(error instanceof KeychainUnavailableError)) throw error
        // An account that never had a key (manual) has nothing in the keychain to leave behind.
        if (mayHoldSecrets(account)) {
          throw new CofferError('keychain_unavailable', `Nothing was removed: the account’s key could not be deleted from the keychain. ${error.message}`)
        }
      }
      context.accounts.remove(id)
      changed([id])
      return { removed: true as const }
    },

    'accounts:test': async ({ draft, key }) => {
      const descriptor = requireProvider(draft.provider)
      const draftAccount: AccountRecord = {
        id: 'acc_testdraft0',
        provider: draft.provider,
        label: draft.label,
        baseUrl: draft.baseUrl ?? null,
        options: checkOptions(descriptor, draft.options, draft.baseUrl ?? null),
        pollIntervalMinutes: 15,
        keyHint: null,
        createdAt: context.now().toISOString()
      }
      const { fault, warning, durationMs, failedUrl } = await testConnection(
        { fetch: context.fetch, now: context.now, requestTimeoutMs: context.requestTimeoutMs },
        draftAccount,
        key ?? null,
        secretOptions(descriptor, draft.options)
      )
      return {
        label: draft.label,
        status: fault?.status ?? 'ok',
        error: fault ? { code: fault.code, message: fault.message } : null,
        warning,
        durationMs,
        httpStatus: fault?.httpStatus ?? null,
        url: failedUrl
      }
    },

    'accounts:poll': async ({ ids }) => {
      const targets = ids.length > 0 ? ids.map((id) => requireAccount(context, id)) : context.accounts.list()
      const reports = await Promise.all(targets.map((account) => pollNow(context, account)))
      return reports.map(({ retryAfterMs: _retryAfterMs, ...report }) => report)
    }
  }
}

function requireProvider(id: string): ProviderDescriptor {
  const descriptor = findProvider(id)
  if (!descriptor) throw new CofferError('bad_request', `Unknown provider "${id}".`)
  return descriptor
}

/**
 * Refuses a poll interval below the provider's minimum (AWS Cost Explorer bills every request):
 * the poller would otherwise spend the user's money on every tick.
 */
function checkInterval(descriptor: ProviderDescriptor, minutes: number | undefined): void {
  const min = descriptor.minPollIntervalMinutes
  if (min === undefined || minutes === undefined || minutes >= min) return
  throw new CofferError('bad_request', `${descriptor.name} accounts are checked at most every ${min} minutes (${min / 60} hours): each request to the provider is billed. Choose ${min} or more.`)
}

/** Keeps only the options the provider declares, checks required ones and patterns, fills defaults. */
function checkOptions(descriptor: ProviderDescriptor, options: Record<string, string>, baseUrl: string | null): Record<string, string> {
  const known = new Map(descriptor.options.map((field) => [field.key, field]))
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      const allowed = [...known.keys()].join(', ') || 'none'
      throw new CofferError('bad_request', `${descriptor.name} has no option "${key}" (options: ${allowed}).`)
    }
  }
  const result: Record<string, string> = {}
  for (const field of descriptor.options) {
    if (field.kind === 'secret') continue
    const value = options[field.key]?.trim()
    if (!value) {
      if (field.required) throw new CofferError('bad_request', `${descriptor.name} needs “${field.label}”. ${field.help ?? ''}`.trim())
      if (field.default !== undefined) result[field.key] = field.default
      continue
    }
    if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(value)) {
      throw new CofferError('bad_request', `“${field.label}” is not valid for ${descriptor.name}. ${field.help ?? ''}`.trim())
    }
    if (field.kind === 'url' && urlHasCredentials(value)) {
      // Never echo the URL: the password would end up in logs and on screen.
      throw new CofferError('bad_request', `Remove the user name and password (user:password@) from “${field.label}”: options are stored in clear text.`)
    }
    result[field.key] = value
  }
  const problem = descriptor.validateOptions?.(result, { baseUrl })
  if (problem) throw new CofferError('bad_request', `${descriptor.name}: ${problem}`)
  return result
}

/** The draft's secret options by keychain slot, for a test that must not store them. */
function secretOptions(descriptor: ProviderDescriptor, options: Record<string, string>): Partial<Record<SecretSlot, string>> {
  const found: Partial<Record<SecretSlot, string>> = {}
  for (const field of descriptor.options) {
    const value = options[field.key]?.trim()
    if (field.kind === 'secret' && value) found[field.key as SecretSlot] = value
  }
  return found
}

/** Options of kind `secret` (an OpenRouter management key…) go to the keychain, slot = option key. */
async function storeSecretOptions(
  context: CoreContext,
  descriptor: ProviderDescriptor,
  accountId: string,
  options: Record<string, string>
): Promise<void> {
  for (const field of descriptor.options) {
    const value = options[field.key]?.trim()
    if (field.kind === 'secret' && value) await storeKey(context, accountId, value, field.key as SecretSlot)
  }
}

async function storeKey(context: CoreContext, accountId: string, key: string, slot: SecretSlot = 'key'): Promise<void> {
  try {
    await context.secrets.set(accountId, key, slot)
  } catch (error) {
    if (error instanceof KeychainUnavailableError) throw new CofferError('keychain_unavailable', error.message)
    throw error
  }
}

/** Whether the keychain may hold something of this account: a key, or a secret option. */
function mayHoldSecrets(account: AccountRecord): boolean {
  const descriptor = findProvider(account.provider)
  return account.keyHint !== null || descriptor?.key.kind !== 'none' || (descriptor?.options.some((option) => option.kind === 'secret') ?? false)
}
