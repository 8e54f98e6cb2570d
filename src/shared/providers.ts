/**
 * What the UI, the CLI and core know about each provider before talking to it: ids, default base
 * URLs, the kind of key and where to create it, extra options and the billing page.
 * Facts: ../shared/reference/provider-apis.md. Adding a provider = a descriptor here plus an
 * adapter in src/main/core/providers/.
 */
export const providerIds = ['openrouter', 'deepseek'] as const

export type ProviderId = (typeof providerIds)[number]

/** An extra per-account setting a provider needs (xAI team id, a site choice…). */
export interface ProviderOptionField {
  key: string
  label: string
  help?: string
  required: boolean
  /** `secret` options go to the keychain, never the ledger. */
  kind: 'text' | 'url' | 'select' | 'secret'
  choices?: readonly { value: string; label: string }[]
  /** Regular expression the value must match (anchored). */
  pattern?: string
}

/** Static facts about one provider. */
export interface ProviderDescriptor {
  id: ProviderId
  name: string
  /** Everything before the documented paths; `null` when the user must supply one. */
  defaultBaseUrl: string | null
  key: {
    required: boolean
    /** `api` = an ordinary inference key; `admin`/`management` = organisation-level keys. */
    kind: 'api' | 'admin' | 'management' | 'none'
    label: string
    placeholder?: string
    /** Where to create it, in words. */
    help: string
    createUrl?: string
  }
  options: readonly ProviderOptionField[]
  /** Where the user tops up or reads their bill. */
  billingUrl: string | null
  /** What the provider publishes, so the UI can say what it cannot show. */
  publishes: { balance: boolean; spend: boolean; usage: boolean }
  /** A sentence shown in the add-account form. */
  note?: string
}

export const providerDescriptors: Record<ProviderId, ProviderDescriptor> = {
  openrouter: {
    id: 'openrouter',
    name: 'OpenRouter',
    defaultBaseUrl: 'https://openrouter.ai',
    key: {
      required: true,
      kind: 'api',
      label: 'API key',
      placeholder: 'sk-or-v1-…',
      help: 'Create one under Settings → Keys. A management key also unlocks account credits and daily activity.',
      createUrl: 'https://openrouter.ai/settings/keys'
    },
    options: [],
    billingUrl: 'https://openrouter.ai/settings/credits',
    publishes: { balance: true, spend: false, usage: false },
    note: 'Account credits need a management key; with an ordinary key Coffer shows the key’s own limit and usage.'
  },
  deepseek: {
    id: 'deepseek',
    name: 'DeepSeek',
    defaultBaseUrl: 'https://api.deepseek.com',
    key: {
      required: true,
      kind: 'api',
      label: 'API key',
      placeholder: 'sk-…',
      help: 'Create one on the DeepSeek platform under API keys.',
      createUrl: 'https://platform.deepseek.com/api_keys'
    },
    options: [],
    billingUrl: 'https://platform.deepseek.com/top_up',
    publishes: { balance: true, spend: false, usage: false },
    note: 'DeepSeek reports a balance per currency, split into granted and topped-up credit.'
  }
}

/** The descriptor for `id`, or `undefined` for an unknown id. */
export function findProvider(id: string): ProviderDescriptor | undefined {
  return (providerDescriptors as Record<string, ProviderDescriptor | undefined>)[id]
}

/** Default poll interval for new accounts, in minutes (issue: default 15 min, user-settable). */
export const DEFAULT_POLL_INTERVAL_MINUTES = 15
