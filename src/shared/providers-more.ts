/**
 * Descriptors of the providers added for issue 13, part 2 (coverage): each reads an official,
 * documented billing endpoint with a key (no cookies, no scraping). Sources are cited on each
 * adapter in src/main/core/providers/. Kept apart from providers.ts so that file stays short.
 */
import type { ProviderDescriptor, ProviderId } from './providers'

type NewProviderId = Extract<ProviderId, 'fal' | 'vercel-ai-gateway' | 'venice' | 'deepgram' | 'poe' | 'runway' | 'deepinfra' | 'github-copilot'>

/** fal, Vercel AI Gateway, Venice, Deepgram, Poe, Runway, DeepInfra, GitHub Copilot. */
export const newProviderDescriptors: Record<NewProviderId, ProviderDescriptor> = {
  fal: {
    id: 'fal',
    name: 'fal (admin key)',
    defaultBaseUrl: 'https://api.fal.ai',
    key: {
      required: true,
      kind: 'admin',
      label: 'Admin API key',
      help: 'Needs a key with the billing:usage:read permission (the BILLING, READONLY or FULL preset on fal.ai/dashboard/keys); an inference-only key is refused with HTTP 403.',
      createUrl: 'https://fal.ai/dashboard/keys'
    },
    options: [],
    billingUrl: 'https://fal.ai/dashboard/billing',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'USD',
    // "Purchased credits expire 365 days from the date of purchase." (fal.ai/docs/model-apis/faq)
    creditLifetimeDays: 365,
    note: 'Current credit balance in USD. Purchased credits expire 365 days after purchase: a top-up Coffer sees is kept as a lot that expires a year later.'
  },
  'vercel-ai-gateway': {
    id: 'vercel-ai-gateway',
    name: 'Vercel AI Gateway',
    defaultBaseUrl: 'https://ai-gateway.vercel.sh',
    key: {
      required: true,
      kind: 'api',
      label: 'AI Gateway API key',
      help: 'Create one in the Vercel dashboard under AI Gateway → API keys. The balance is the whole team’s.',
      createUrl: 'https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai-gateway%2Fapi-keys'
    },
    options: [],
    billingUrl: 'https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai-gateway',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'USD',
    note: 'The team’s remaining AI Gateway credit and its lifetime spend, in USD.'
  },
  venice: {
    id: 'venice',
    name: 'Venice (admin key)',
    defaultBaseUrl: 'https://api.venice.ai',
    key: {
      required: true,
      kind: 'admin',
      label: 'Admin API key',
      help: 'The balance endpoint needs an ADMIN key (Settings → API); an inference key is refused with HTTP 401.',
      createUrl: 'https://venice.ai/settings/api'
    },
    options: [],
    billingUrl: 'https://venice.ai/settings/api',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'USD',
    // "1 DIEM = $1 per day of Venice API credit" (docs.venice.ai/overview/vvv-diem).
    creditValues: { DIEM: { value: '1', currency: 'USD', source: 'https://docs.venice.ai/overview/vvv-diem' } },
    note: 'USD balance, and the DIEM left of today’s allocation (it refreshes at 00:00 UTC).'
  },
  deepgram: {
    id: 'deepgram',
    name: 'Deepgram',
    defaultBaseUrl: 'https://api.deepgram.com',
    key: {
      required: true,
      kind: 'api',
      label: 'API key',
      help: 'Create one in the Deepgram console under API keys. Sent as “Authorization: Token …”.',
      createUrl: 'https://console.deepgram.com'
    },
    options: [
      {
        key: 'projectId',
        label: 'Project ID',
        help: 'Optional: Coffer lists the key’s projects and uses the only one. Set it when the key sees several.',
        required: false,
        kind: 'text',
        pattern: '[A-Za-z0-9-]{1,64}'
      }
    ],
    billingUrl: 'https://console.deepgram.com',
    publishes: { balance: true, spend: false, usage: false },
    note: 'The project’s outstanding balances, summed per unit (usually USD).'
  },
  poe: {
    id: 'poe',
    name: 'Poe',
    defaultBaseUrl: 'https://api.poe.com',
    key: { required: true, kind: 'api', label: 'API key', help: 'Copy it from poe.com/api_key.', createUrl: 'https://poe.com/api_key' },
    options: [],
    billingUrl: 'https://poe.com/api_key',
    publishes: { balance: true, spend: true, usage: false },
    unit: 'points',
    note: 'Poe reports points, not money: the current point balance and the last 30 days of points spent by bot.'
  },
  runway: {
    id: 'runway',
    name: 'Runway API',
    defaultBaseUrl: 'https://api.dev.runwayml.com',
    key: { required: true, kind: 'api', label: 'API key', help: 'Create one in the Runway developer portal under API keys.', createUrl: 'https://dev.runwayml.com' },
    options: [],
    billingUrl: 'https://dev.runwayml.com',
    publishes: { balance: true, spend: true, usage: false },
    unit: 'credits',
    // "A minimum payment of $10 (at $0.01 per credit)" (docs.dev.runwayml.com/guides/setup).
    creditValues: { credits: { value: '0.01', currency: 'USD', source: 'https://docs.dev.runwayml.com/guides/setup' } },
    note: 'Runway reports credits: the organization’s balance, its tier’s monthly credit spend limit, and credits spent per model per day.'
  },
  deepinfra: {
    id: 'deepinfra',
    name: 'DeepInfra',
    defaultBaseUrl: 'https://api.deepinfra.com',
    key: { required: true, kind: 'api', label: 'API key', help: 'Create one in the DeepInfra dashboard under API keys (billing read access).', createUrl: 'https://deepinfra.com/dash/api_keys' },
    options: [],
    billingUrl: 'https://deepinfra.com/dash/billing',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'USD',
    note: 'Prepaid funds (or the amount owed), the spending limit, and this month’s spend so far, in USD.'
  },
  'github-copilot': {
    id: 'github-copilot',
    name: 'GitHub Copilot (premium requests)',
    defaultBaseUrl: 'https://api.github.com',
    key: {
      required: true,
      kind: 'api',
      label: 'Fine-grained token',
      help: 'A fine-grained personal access token: for your own account with the “Plan” user permission (read); for an organization with the “Administration” organization permission (read), as an owner or billing manager.',
      createUrl: 'https://github.com/settings/personal-access-tokens/new'
    },
    options: [
      {
        key: 'ownerType',
        label: 'Billed to',
        help: 'Your own account (a Copilot plan you pay for) or an organization.',
        required: false,
        kind: 'select',
        default: 'user',
        choices: [
          { value: 'user', label: 'My account' },
          { value: 'org', label: 'An organization' }
        ]
      },
      {
        key: 'owner',
        label: 'User name or organization',
        help: 'The GitHub login billed for Copilot.',
        placeholder: 'octocat',
        required: true,
        kind: 'text',
        pattern: '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})'
      }
    ],
    billingUrl: 'https://github.com/settings/billing',
    publishes: { balance: false, spend: true, usage: false },
    unit: 'USD',
    note: 'Daily Copilot spend (premium requests beyond the included quota), net of discounts, in USD. No balance: Copilot is billed monthly.'
  }
}
