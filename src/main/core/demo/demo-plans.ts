import type { ProviderId } from '../../../shared/providers'

/** A balance-only demo account: one official reading a day, topped up when it runs low. */
export interface BalanceDemoPlan {
  id: string
  provider: ProviderId
  label: string
  unit: string
  start: number
  dailySpend: number
  topUp: number
  topUpBelow: number
}

/** A spend-only demo account: daily cost lines by line item and usage by model; prepaid credit. */
export interface SpendDemoPlan {
  id: string
  provider: ProviderId
  label: string
  /** Line item → share of the day's spend. */
  items: Record<string, number>
  /** Model → tokens per dollar of spend (input, output, cached), for usage lines. */
  models: Record<string, { input: number; output: number; cached: number; requestsPerDollar: number }>
  dailySpend: number
  /** [days ago, amount, expiry in days or null]. */
  topUps: [number, number, number | null][]
  /** [days ago, the console figure minus what Coffer would derive] — a balance entry. */
  anchors: [number, number][]
}

/** Demo accounts that publish only a balance (Coffer derives their spend from its falls). */
export const balanceDemoAccounts: readonly BalanceDemoPlan[] = [
  { id: 'acc_demoopenr1', provider: 'openrouter', label: 'OpenRouter (demo)', unit: 'USD', start: 60, dailySpend: 1.4, topUp: 40, topUpBelow: 8 },
  { id: 'acc_demodeeps1', provider: 'deepseek', label: 'DeepSeek (demo)', unit: 'CNY', start: 300, dailySpend: 4.2, topUp: 200, topUpBelow: 30 }
]

/** Demo accounts that publish daily spend and usage by model. */
export const spendDemoAccounts: readonly SpendDemoPlan[] = [
  {
    id: 'acc_demoopena1',
    provider: 'openai',
    label: 'OpenAI (demo)',
    items: { 'gpt-5, input': 0.28, 'gpt-5, output': 0.37, 'gpt-5-mini, input': 0.08, 'gpt-5-mini, output': 0.12, 'text-embedding-3-small': 0.05, 'gpt-image-1': 0.1 },
    models: {
      'gpt-5': { input: 260_000, output: 40_000, cached: 90_000, requestsPerDollar: 45 },
      'gpt-5-mini': { input: 1_400_000, output: 160_000, cached: 300_000, requestsPerDollar: 180 },
      'text-embedding-3-small': { input: 9_000_000, output: 0, cached: 0, requestsPerDollar: 400 }
    },
    dailySpend: 2.1,
    topUps: [
      [178, 100, 365],
      [120, 100, 365],
      [62, 150, 365],
      [9, 100, 365]
    ],
    anchors: [[90, -0.37], [30, 0.12]]
  },
  {
    id: 'acc_demoanthr1',
    provider: 'anthropic',
    label: 'Anthropic (demo)',
    items: {
      'Claude Sonnet 4.5 Usage - Input Tokens': 0.3,
      'Claude Sonnet 4.5 Usage - Output Tokens': 0.45,
      'Claude Haiku 4.5 Usage - Input Tokens': 0.08,
      'Claude Haiku 4.5 Usage - Output Tokens': 0.12,
      'Web Search': 0.05
    },
    models: {
      'claude-sonnet-4-5': { input: 150_000, output: 22_000, cached: 120_000, requestsPerDollar: 30 },
      'claude-haiku-4-5': { input: 700_000, output: 90_000, cached: 200_000, requestsPerDollar: 150 }
    },
    dailySpend: 1.6,
    topUps: [
      [170, 100, 365],
      [95, 100, 365],
      [25, 50, 365]
    ],
    anchors: [[60, -0.84]]
  }
]

/** The manual demo account: GPTBots-style credits, fed only by entries (no API). */
export const manualDemoAccount = {
  id: 'acc_demogptbt1',
  provider: 'manual' as ProviderId,
  label: 'GPTBots credits (demo)',
  unit: 'credits',
  // As a user would set it up: 100 credits = $1, the top-up page, checked daily (nothing to poll).
  options: { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD', billingUrl: 'https://www.gptbots.ai/pricing' },
  pollIntervalMinutes: 24 * 60
}
