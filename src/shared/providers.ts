/**
 * What the UI, the CLI and core know about each provider before talking to it: ids, default base
 * URLs, the kind of key and where to create it, extra options and the billing page.
 * Facts: ../shared/reference/provider-apis.md. Adding a provider = a descriptor here plus an
 * adapter in src/main/core/providers/.
 */
import { UNIT_PATTERN, validateCustomOptions, validateManualOptions } from './custom-account'
import { awsAzureDescriptors } from './providers-aws-azure'
import { chinaCloudDescriptors } from './providers-china-cloud'
import { newProviderDescriptors } from './providers-more'

export const providerIds = [
  'openrouter',
  'deepseek',
  'moonshot',
  'moonshot-cn',
  'siliconflow',
  'siliconflow-cn',
  'openai',
  'anthropic',
  'xai',
  'novita',
  'stability',
  'elevenlabs',
  'fireworks',
  'fal',
  'vercel-ai-gateway',
  'venice',
  'deepgram',
  'poe',
  'runway',
  'deepinfra',
  'github-copilot',
  'alibaba-bss',
  'volcengine-ark',
  'aws-bedrock',
  'azure-openai',
  'manual',
  'custom',
  'claude-code',
  'codex'
] as const

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
  /** Stored when the user leaves the option empty (a manual account's unit: USD). */
  default?: string
  /** Example text shown in the empty field. */
  placeholder?: string
  /** The field does not apply (and is not shown or sent) while another option has this value. */
  hiddenWhen?: { option: string; equals: string }
  /** The field applies (and is shown and sent) only while another option has this value. */
  shownWhen?: { option: string; equals: string }
}

/** Whether `field` applies given the other option values (see {@link ProviderOptionField.hiddenWhen}). */
export function optionApplies(field: ProviderOptionField, options: Readonly<Record<string, string>>): boolean {
  const hidden = field.hiddenWhen !== undefined && (options[field.hiddenWhen.option] ?? '') === field.hiddenWhen.equals
  const notShown = field.shownWhen !== undefined && (options[field.shownWhen.option] ?? '') !== field.shownWhen.equals
  return !hidden && !notShown
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
  /**
   * The unit the provider bills every account in, when it is one (an OpenRouter account is in USD,
   * a Moonshot .cn one in CNY); absent when it depends on the account (DeepSeek: CNY or USD) or on
   * the user (manual and custom accounts carry theirs in the `unit` option).
   */
  unit?: string
  /** What one of the provider's own credit units is worth, as it publishes it (with the source). */
  creditValues?: Readonly<Record<string, { value: string; currency: string; source: string }>>
  /**
   * How long credit bought from this provider lasts, in days, when the provider publishes it (fal:
   * purchased credits expire 365 days after purchase). A top-up Coffer detects from a rising
   * balance is recorded as a lot that expires this long after it was seen.
   */
  creditLifetimeDays?: number
  /** A sentence shown in the add-account form. */
  note?: string
  /** Poll interval for new accounts of this provider when none is given (manual accounts: daily). */
  pollIntervalMinutes?: number
  /** The shortest poll interval an account of this provider may have (AWS: each request is billed). */
  minPollIntervalMinutes?: number
  /**
   * `false` when the provider has no base URL at all: manual accounts make no request and custom
   * accounts carry their full URL in an option. Defaults to `true`.
   */
  usesBaseUrl?: boolean
  /**
   * Checks that depend on several options together (a custom account's JSON path, a manual
   * account's credit value). Returns a message that says what to fix, or `null`.
   */
  validateOptions?: (options: Readonly<Record<string, string>>, context?: { baseUrl?: string | null }) => string | null
}

/**
 * What one unit of a credit-based account is worth: totals convert its credits into money with it
 * (then into the home currency), and without it they list the account as left out.
 */
const CREDIT_VALUE_FIELDS: readonly ProviderOptionField[] = [
  { key: 'creditValue', label: 'Value of one unit', help: 'For credits: what one is worth, e.g. 0.01 for GPTBots (100 credits = $1).', required: false, kind: 'text', pattern: '\\d+(\\.\\d+)?' },
  { key: 'creditValueCurrency', label: 'Currency of that value', help: 'e.g. USD.', required: false, kind: 'text', pattern: '[A-Z]{3}' }
]

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
    options: [
      {
        key: 'managementKey',
        label: 'Management key (optional)',
        help: 'Adds account credits and daily spend by model (Settings → Management keys). Kept in your system keychain.',
        required: false,
        kind: 'secret'
      }
    ],
    billingUrl: 'https://openrouter.ai/settings/credits',
    publishes: { balance: true, spend: true, usage: true },
    unit: 'USD',
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
  },
  moonshot: moonshotDescriptor('moonshot', 'Moonshot / Kimi (.ai, USD)', 'https://api.moonshot.ai', 'https://platform.moonshot.ai'),
  'moonshot-cn': moonshotDescriptor('moonshot-cn', 'Moonshot / Kimi (.cn, CNY)', 'https://api.moonshot.cn', 'https://platform.moonshot.cn'),
  siliconflow: siliconflowDescriptor('siliconflow', 'SiliconFlow (.com, USD)', 'https://api.siliconflow.com', 'https://cloud.siliconflow.com'),
  'siliconflow-cn': siliconflowDescriptor('siliconflow-cn', 'SiliconFlow (.cn, CNY)', 'https://api.siliconflow.cn', 'https://cloud.siliconflow.cn'),
  openai: {
    id: 'openai',
    name: 'OpenAI (admin key)',
    defaultBaseUrl: 'https://api.openai.com',
    key: {
      required: true,
      kind: 'admin',
      label: 'Admin key',
      placeholder: 'sk-admin-…',
      help: 'Needs an organization Admin key (sk-admin-…), which organization owners create under Settings → Organization → Admin keys. Project and ordinary secret keys cannot read costs.',
      createUrl: 'https://platform.openai.com/settings/organization/admin-keys'
    },
    options: [],
    billingUrl: 'https://platform.openai.com/settings/organization/billing/overview',
    publishes: { balance: false, spend: true, usage: true },
    unit: 'USD',
    note: 'OpenAI publishes daily costs and token usage, but no prepaid balance: record your balance once and Coffer counts it down. An admin key can also manage keys, so it is kept in your system keychain.'
  },
  anthropic: {
    id: 'anthropic',
    name: 'Anthropic (admin key)',
    defaultBaseUrl: 'https://api.anthropic.com',
    key: {
      required: true,
      kind: 'admin',
      label: 'Admin key',
      placeholder: 'sk-ant-admin…',
      help: 'Needs an Admin API key (sk-ant-admin…), which organization admins create in the Console under Settings → Admin keys. Individual Anthropic accounts cannot create one.',
      createUrl: 'https://console.anthropic.com/settings/admin-keys'
    },
    options: [
      {
        key: 'claudeCode',
        label: 'Claude Code analytics',
        help: 'Also read Claude Code’s daily tokens per model from the Claude Code Analytics API (same admin key).',
        required: false,
        kind: 'select',
        default: 'off',
        choices: [
          { value: 'off', label: 'Off' },
          { value: 'on', label: 'On' }
        ]
      }
    ],
    billingUrl: 'https://console.anthropic.com/settings/billing',
    publishes: { balance: false, spend: true, usage: true },
    unit: 'USD',
    note: 'Anthropic publishes daily costs and token usage (cache writes and reads apart), but no credit balance: record your balance once and Coffer counts it down.'
  },
  xai: {
    id: 'xai',
    name: 'xAI (management key)',
    defaultBaseUrl: 'https://management-api.x.ai',
    key: {
      required: true,
      kind: 'management',
      label: 'Management key',
      help: 'Needs a management key (Console → Settings → Management keys, with billing read access). Inference keys (xai-…) are rejected.',
      createUrl: 'https://console.x.ai'
    },
    options: [
      {
        key: 'teamId',
        label: 'Team ID',
        help: 'In the xAI Console address: console.x.ai/team/<team id>/…',
        placeholder: 'e.g. 3f2a9c1e-…',
        required: true,
        kind: 'text',
        pattern: '[A-Za-z0-9_-]{4,100}'
      }
    ],
    billingUrl: 'https://console.x.ai',
    publishes: { balance: true, spend: true, usage: false },
    unit: 'USD',
    note: 'Prepaid balance and daily spend of one xAI team.'
  },
  novita: {
    id: 'novita',
    name: 'Novita AI',
    defaultBaseUrl: 'https://api.novita.ai',
    key: { required: true, kind: 'api', label: 'API key', help: 'Create one under Settings → Key management.', createUrl: 'https://novita.ai/settings/key-management' },
    options: [],
    billingUrl: 'https://novita.ai/billing',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'USD',
    note: 'The balance is your cash (top-ups left); the credit line (money you may borrow) and what you owe (outstanding invoices) are shown apart, in USD.'
  },
  stability: {
    id: 'stability',
    name: 'Stability AI',
    defaultBaseUrl: 'https://api.stability.ai',
    key: { required: true, kind: 'api', label: 'API key', placeholder: 'sk-…', help: 'Create one under Account → API keys.', createUrl: 'https://platform.stability.ai/account/keys' },
    options: [],
    billingUrl: 'https://platform.stability.ai/account/credits',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'credits',
    // "1 credit = $0.01" (platform.stability.ai/pricing: a 1,000-credit top-up costs $10).
    creditValues: { credits: { value: '0.01', currency: 'USD', source: 'https://platform.stability.ai/pricing' } },
    note: 'Stability reports credits, not money.'
  },
  elevenlabs: {
    id: 'elevenlabs',
    name: 'ElevenLabs',
    defaultBaseUrl: 'https://api.elevenlabs.io',
    key: {
      required: true,
      kind: 'api',
      label: 'API key',
      help: 'Create one under Settings → API keys; a restricted key needs the “User: read” (user_read) permission.',
      createUrl: 'https://elevenlabs.io/app/settings/api-keys'
    },
    options: [],
    billingUrl: 'https://elevenlabs.io/app/settings/billing',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'characters',
    note: 'ElevenLabs reports the characters (credits) left in the current period and when they reset, not money.'
  },
  fireworks: {
    id: 'fireworks',
    name: 'Fireworks AI',
    defaultBaseUrl: 'https://api.fireworks.ai',
    key: { required: true, kind: 'api', label: 'API key', help: 'Create one under Settings → API keys.', createUrl: 'https://app.fireworks.ai/settings/users/api-keys' },
    options: [
      {
        key: 'accountId',
        label: 'Account ID',
        help: 'Optional: Coffer finds it from the key. Set it if the key can see several accounts.',
        required: false,
        kind: 'text',
        pattern: '[a-z0-9][a-z0-9-]{0,62}'
      }
    ],
    billingUrl: 'https://app.fireworks.ai/account/billing',
    publishes: { balance: false, spend: true, usage: false },
    unit: 'USD',
    note: 'Fireworks publishes spend but no balance: record your balance once and Coffer counts it down.'
  },
  ...newProviderDescriptors,
  ...chinaCloudDescriptors,
  ...awsAzureDescriptors,
  manual: {
    id: 'manual',
    name: 'Manual (no API)',
    defaultBaseUrl: null,
    usesBaseUrl: false,
    // Nothing to ask: a daily "check" only keeps the card's freshness honest.
    pollIntervalMinutes: 24 * 60,
    key: { required: false, kind: 'none', label: 'No key', help: 'Manual accounts never contact anyone.' },
    options: [
      {
        key: 'unit',
        label: 'Unit',
        help: 'A currency code (USD, CNY…) or the name of the platform’s credits, e.g. credits. Default USD.',
        required: false,
        kind: 'text',
        pattern: UNIT_PATTERN,
        default: 'USD'
      },
      ...CREDIT_VALUE_FIELDS,
      { key: 'plan', label: 'Plan', help: 'e.g. ChatGPT Plus, Claude Max, GPTBots Pro.', required: false, kind: 'text' },
      { key: 'notes', label: 'Notes', required: false, kind: 'text' },
      { key: 'billingUrl', label: 'Billing or top-up page', help: 'Where you pay or buy credits (https://…).', required: false, kind: 'url', pattern: 'https://\\S+' }
    ],
    billingUrl: null,
    publishes: { balance: false, spend: false, usage: false },
    note: 'For ChatGPT Plus/Pro, Claude Pro/Max, GPTBots, Operator AI or any platform without an API: you record the balance, top-ups and renewals; Coffer tracks them.',
    validateOptions: validateManualOptions
  },
  custom: {
    id: 'custom',
    name: 'Custom endpoint or relay',
    defaultBaseUrl: null,
    usesBaseUrl: false,
    key: { required: false, kind: 'api', label: 'Key or token', help: 'Sent in the header you choose below; leave empty if the URL needs none.' },
    options: [
      {
        key: 'preset',
        label: 'Kind',
        help: 'A JSON endpoint you describe, or a new-api / one-api style relay (dashboard/billing endpoints).',
        required: false,
        kind: 'select',
        choices: [
          { value: 'json', label: 'JSON endpoint (describe it below)' },
          { value: 'openai-compatible-relay', label: 'OpenAI-compatible relay (new-api, one-api)' }
        ]
      },
      {
        key: 'url',
        label: 'URL',
        help: 'The full address Coffer sends one GET to; for a relay, the site’s address (https://relay.example.com). A base URL works too.',
        required: false,
        kind: 'url',
        pattern: 'https?://\\S+',
        placeholder: 'https://api.example.com/v1/balance'
      },
      {
        key: 'relayFlavor',
        label: 'Relay software',
        // new-api: hard_limit_usd = remaining + used quota; one-api: the remaining quota alone
        // (QuantumNous/new-api and songquanpeng/one-api controller/billing.go, GetSubscription).
        help: 'new-api reports the token’s total quota as its limit, one-api what is left of it; Coffer computes the balance accordingly. Default new-api.',
        required: false,
        kind: 'select',
        choices: [
          { value: 'new-api', label: 'new-api (limit = total quota)' },
          { value: 'one-api', label: 'one-api (limit = quota left)' }
        ],
        shownWhen: { option: 'preset', equals: 'openai-compatible-relay' }
      },
      { key: 'authHeader', label: 'Auth header', help: 'Header that carries the key; default Authorization.', required: false, kind: 'text', pattern: '[A-Za-z0-9-]{1,64}', placeholder: 'Authorization' },
      { key: 'authScheme', label: 'Auth scheme', help: 'Written before the key; default Bearer. Use none to send the key alone.', required: false, kind: 'text', pattern: '[A-Za-z0-9._-]{1,32}', placeholder: 'Bearer' },
      { key: 'balancePath', label: 'JSON path to the balance', help: 'Where the number is in the answer.', required: false, kind: 'text', placeholder: 'data.balance', hiddenWhen: { option: 'preset', equals: 'openai-compatible-relay' } },
      { key: 'usedPath', label: 'JSON path to the amount used', required: false, kind: 'text', placeholder: 'data.used', hiddenWhen: { option: 'preset', equals: 'openai-compatible-relay' } },
      { key: 'totalPath', label: 'JSON path to the total / limit', required: false, kind: 'text', placeholder: 'data.limit', hiddenWhen: { option: 'preset', equals: 'openai-compatible-relay' } },
      {
        key: 'unit',
        label: 'Unit',
        // A relay's `*_usd` fields are in the site's display unit (new-api: USD, CNY or tokens; QuantumNous/new-api controller/billing.go).
        help: 'USD, CNY, credits… Default USD. For a relay: the unit the site displays — new-api sends its “usd” figures in CNY or tokens when the site shows those.',
        required: false,
        kind: 'text',
        pattern: UNIT_PATTERN,
        placeholder: 'USD'
      },
      {
        key: 'scale',
        label: 'Scale',
        help: 'How to turn the number into the unit: -2 for cents, /500000 to divide. Empty = as is. For a one-api relay that shows raw quota instead of dollars: /500000 (500000 quota = $1).',
        required: false,
        kind: 'text',
        pattern: '[+-]?\\d{1,2}|/\\s*\\d+(\\.\\d+)?',
        placeholder: '-2'
      },
      ...CREDIT_VALUE_FIELDS,
      { key: 'billingUrl', label: 'Billing or top-up page', required: false, kind: 'url', pattern: 'https://\\S+' }
    ],
    billingUrl: null,
    publishes: { balance: true, spend: false, usage: false },
    note: 'For providers Coffer does not know: one GET, a JSON path to the balance, a unit and a scale. A relay token with unlimited quota has no balance: Coffer then shows what it has used.',
    validateOptions: validateCustomOptions
  },
  'claude-code': localAgentDescriptor('claude-code'),
  codex: localAgentDescriptor('codex')
}

/**
 * A coding agent whose subscription usage Coffer measures from the agent's own logs on this
 * computer (issue 12): no key, no request; the poll reads new log lines.
 */
function localAgentDescriptor(id: 'claude-code' | 'codex'): ProviderDescriptor {
  const claude = id === 'claude-code'
  // Declared here, not at module level: providerDescriptors above calls this function while the
  // module is still loading, before later module-level constants exist.
  /** Plan ids as the catalog writes them (plan-catalog.ts); checked against the plans when the report is built. */
  const PLAN_ID_PATTERN = '[a-z0-9][a-z0-9-]{1,63}'
  /** A renewal date (`2026-11-14`) or a day of the month (`14`). */
  const RENEWS_ON_PATTERN = '\\d{4}-\\d{2}-\\d{2}|0?[1-9]|[12]\\d|3[01]'
  const LOCAL_PRIVACY_NOTE = 'Coffer reads only token counts, model names and times from these logs, never your prompts or the answers, and nothing leaves this computer.'
  return {
    id,
    name: claude ? 'Claude Code (local logs)' : 'Codex (local logs)',
    defaultBaseUrl: null,
    usesBaseUrl: false,
    // Reading is cheap and incremental; while the app or `coffer serve` runs, a watcher also picks up new lines.
    pollIntervalMinutes: 15,
    key: { required: false, kind: 'none', label: 'No key', help: 'Coffer reads the logs the agent writes on this computer; it needs no key.' },
    options: [
      {
        key: 'plan',
        label: 'Subscription plan',
        help: claude ? 'A plan id from the Plans page, e.g. claude-max-5x, claude-max-20x or claude-pro.' : 'A plan id from the Plans page, e.g. chatgpt-plus or chatgpt-pro.',
        required: false,
        kind: 'text',
        pattern: PLAN_ID_PATTERN,
        placeholder: claude ? 'claude-max-5x' : 'chatgpt-plus'
      },
      {
        key: 'renewsOn',
        label: 'Renews on',
        help: 'Your renewal date (2026-11-14) or day of the month (14): the value report follows your billing cycle. Default: the 1st.',
        required: false,
        kind: 'text',
        pattern: RENEWS_ON_PATTERN,
        placeholder: '14'
      },
      {
        key: 'dir',
        label: 'Log folder (optional)',
        help: claude
          ? 'Default: ~/.claude/projects and ~/.config/claude/projects, or each folder of CLAUDE_CONFIG_DIR (comma separated) + /projects. Several folders: separate with commas.'
          : 'Default: $CODEX_HOME/sessions and archived_sessions ($CODEX_HOME defaults to ~/.codex). Several folders: separate with commas.',
        required: false,
        kind: 'text',
        placeholder: claude ? '~/.claude/projects' : '~/.codex/sessions'
      }
    ],
    billingUrl: claude ? 'https://claude.ai/settings/billing' : 'https://chatgpt.com/#settings/Account',
    publishes: { balance: false, spend: false, usage: true },
    unit: 'USD',
    note: `${claude ? 'Claude Pro/Max' : 'ChatGPT Plus/Pro'} usage measured from ${claude ? 'Claude Code' : 'Codex'}’s logs, valued at API list prices to show what the subscription is worth. ${LOCAL_PRIVACY_NOTE}`
  }
}

function moonshotDescriptor(id: 'moonshot' | 'moonshot-cn', name: string, baseUrl: string, site: string): ProviderDescriptor {
  const currency = id === 'moonshot' ? 'USD' : 'CNY'
  return {
    id,
    name,
    defaultBaseUrl: baseUrl,
    key: {
      required: true,
      kind: 'api',
      label: 'API key',
      placeholder: 'sk-…',
      help: `Create one in the console (${site.replace('https://', '')}) under API keys. A key only works on the site that issued it.`,
      createUrl: `${site}/console/api-keys`
    },
    options: [],
    billingUrl: `${site}/console/pay`,
    publishes: { balance: true, spend: false, usage: false },
    unit: currency,
    note: `Available balance (cash + vouchers) in ${currency}. Keys from the other Moonshot site belong to the other entry.`
  }
}

function siliconflowDescriptor(id: 'siliconflow' | 'siliconflow-cn', name: string, baseUrl: string, cloud: string): ProviderDescriptor {
  const currency = id === 'siliconflow' ? 'USD' : 'CNY'
  return {
    id,
    name,
    defaultBaseUrl: baseUrl,
    key: {
      required: true,
      kind: 'api',
      label: 'API key',
      placeholder: 'sk-…',
      help: `Create one under API keys on ${cloud.replace('https://', '')}. A key only works on the site that issued it.`,
      createUrl: `${cloud}/account/ak`
    },
    options: [],
    billingUrl: `${cloud}/expensebill`,
    publishes: { balance: true, spend: false, usage: false },
    unit: currency,
    note: `Total balance in ${currency}, split into granted (gift) and paid credit.`
  }
}

/** The descriptor for `id`, or `undefined` for an unknown id. */
export function findProvider(id: string): ProviderDescriptor | undefined {
  // Own keys only: `__proto__` or `toString` must not find Object.prototype's members.
  return Object.hasOwn(providerDescriptors, id) ? providerDescriptors[id as ProviderId] : undefined
}

/** Default poll interval for new accounts, in minutes (issue: default 15 min, user-settable). */
export const DEFAULT_POLL_INTERVAL_MINUTES = 15
