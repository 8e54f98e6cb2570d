import { describe, expect, it } from 'vitest'
import type { SimHandler, SimRequest } from '../../../../simulator/provider-simulator'
import { anthropicCostBucket } from '../../../../simulator/shapes/anthropic'
import { deepseekBalance } from '../../../../simulator/shapes/deepseek'
import { elevenlabsSubscription } from '../../../../simulator/shapes/elevenlabs'
import { fireworksAccounts, fireworksSummary } from '../../../../simulator/shapes/fireworks'
import { moonshotBalance } from '../../../../simulator/shapes/moonshot'
import { novitaBalance } from '../../../../simulator/shapes/novita'
import { cursorPages, openaiCostBucket } from '../../../../simulator/shapes/openai'
import { openrouterActivity, openrouterCredits, openrouterKey } from '../../../../simulator/shapes/openrouter'
import { relaySubscription, relayUsage } from '../../../../simulator/shapes/relay'
import { siliconflowUserInfo } from '../../../../simulator/shapes/siliconflow'
import { stabilityBalance } from '../../../../simulator/shapes/stability'
import { xaiBalance, xaiUsage } from '../../../../simulator/shapes/xai'
import { claudeCodeReport } from '../../../../simulator/shapes/anthropic-claude-code'
import { deepgramBalances, deepgramProjects } from '../../../../simulator/shapes/deepgram'
import { deepinfraChecklist, deepinfraUsage } from '../../../../simulator/shapes/deepinfra'
import { falBilling } from '../../../../simulator/shapes/fal'
import { githubPremiumUsage, githubUserUsage } from '../../../../simulator/shapes/github-copilot'
import { poeBalance, poeHistory } from '../../../../simulator/shapes/poe'
import { runwayOrganization, runwayUsage } from '../../../../simulator/shapes/runway'
import { veniceBalance } from '../../../../simulator/shapes/venice'
import { vercelCredits } from '../../../../simulator/shapes/vercel-ai-gateway'
import { alibabaBalance } from '../../../../simulator/shapes/alibaba-bss'
import { volcengineBalance } from '../../../../simulator/shapes/volcengine-ark'
import { costAndUsagePage, costExplorer } from '../../../../simulator/shapes/aws-bedrock'
import { addAccount, type Harness, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')

/** One provider: the requests of a good poll, in order. A fault is injected on each in turn. */
interface Case {
  provider: string
  key: string
  options?: (h: Harness) => Record<string, string>
  noBaseUrl?: boolean
  routes: [method: 'GET' | 'POST', path: string, good: SimHandler][]
  /**
   * What a bare `{}` 200 body means, per request: a business error, a shape error, or (protobuf-JSON
   * APIs omit empty lists: xAI usage, Fireworks summary) simply "nothing spent".
   */
  emptyObject: ('bad_response' | 'provider_error' | 'ok')[]
  /**
   * Requests whose failure keeps the primary figure read before them: the poll is `ok`, keeps the
   * balance and names what it could not read in its warning (issue 13.3).
   */
  secondary?: number[]
  /**
   * The provider's SDK sends its own requests and hands back no response headers on an error
   * (Alibaba's openapi-core ClientError), so a 429's Retry-After cannot be read: the retry waits
   * the default backoff instead.
   */
  retryAfterUnread?: boolean
}

const day = '2026-11-21'
const cases: Case[] = [
  // An empty answer (no is_available, no balance_infos) is a zero-entry answer, not a failure (issue 13.6).
  { provider: 'deepseek', key: 'sk-deepseek-0123456789abcdef', routes: [['GET', '/user/balance', deepseekBalance([{ currency: 'CNY', total: '1', granted: '0', toppedUp: '1' }])]], emptyObject: ['ok'] },
  { provider: 'moonshot', key: 'sk-moon-0123456789abcdef', routes: [['GET', '/v1/users/me/balance', moonshotBalance({ available: 1, voucher: 0, cash: 1 })]], emptyObject: ['provider_error'] },
  { provider: 'moonshot-cn', key: 'sk-moon-0123456789abcdef', routes: [['GET', '/v1/users/me/balance', moonshotBalance({ available: 1, voucher: 0, cash: 1 })]], emptyObject: ['provider_error'] },
  { provider: 'siliconflow', key: 'sk-silicon-0123456789abcdef', routes: [['GET', '/v1/user/info', siliconflowUserInfo({ total: '1', granted: '0', charged: '1' })]], emptyObject: ['provider_error'] },
  { provider: 'siliconflow-cn', key: 'sk-silicon-0123456789abcdef', routes: [['GET', '/v1/user/info', siliconflowUserInfo({ total: '1', granted: '0', charged: '1' })]], emptyObject: ['provider_error'] },
  { provider: 'novita', key: 'sk-novita-0123456789abcdef', routes: [['GET', '/openapi/v1/billing/balance/detail', novitaBalance({ available: '10000', cash: '10000', creditLimit: '0' })]], emptyObject: ['bad_response'] },
  { provider: 'stability', key: 'sk-stab-0123456789abcdef', routes: [['GET', '/v1/user/balance', stabilityBalance(5)]], emptyObject: ['bad_response'] },
  { provider: 'elevenlabs', key: 'eleven-0123456789abcdef', routes: [['GET', '/v1/user/subscription', elevenlabsSubscription({ count: 1, limit: 2 })]], emptyObject: ['bad_response'] },
  {
    provider: 'openai',
    key: 'sk-admin-0123456789abcdef',
    routes: [
      ['GET', '/v1/organization/costs', cursorPages([[openaiCostBucket({ day, lines: [{ lineItem: 'a', value: 1 }] })]])],
      ['GET', '/v1/organization/usage/completions', cursorPages([[]])]
    ],
    emptyObject: ['bad_response', 'bad_response']
  },
  {
    provider: 'anthropic',
    key: 'sk-ant-admin01-0123456789abcdef',
    routes: [
      ['GET', '/v1/organizations/cost_report', cursorPages([[anthropicCostBucket({ day, lines: [{ description: 'a', cents: '100' }] })]])],
      ['GET', '/v1/organizations/usage_report/messages', cursorPages([[]])]
    ],
    emptyObject: ['bad_response', 'bad_response']
  },
  {
    provider: 'xai',
    key: 'xai-mgmt-0123456789abcdef',
    options: () => ({ teamId: 'team-1' }),
    routes: [
      ['GET', '/v1/billing/teams/team-1/prepaid/balance', xaiBalance('-250')],
      ['POST', '/v1/billing/teams/team-1/usage', xaiUsage([{ day, usd: 1 }])]
    ],
    emptyObject: ['provider_error', 'ok'],
    secondary: [1]
  },
  {
    provider: 'fireworks',
    key: 'fw-0123456789abcdef',
    routes: [
      ['GET', '/v1/accounts', fireworksAccounts(['acme'])],
      ['GET', '/v1/accounts/acme/billing/summary', fireworksSummary([{ series: 'serverless', units: '1', nanos: 0 }])]
    ],
    emptyObject: ['bad_response', 'ok']
  },
  {
    provider: 'openrouter',
    key: 'sk-or-v1-ordinary0123456789',
    options: () => ({ managementKey: 'sk-or-v1-management0123456789' }),
    routes: [
      ['GET', '/api/v1/credits', openrouterCredits({ totalCredits: 10, totalUsage: 1 })],
      ['GET', '/api/v1/key', openrouterKey({ usage: 1 })],
      ['GET', '/api/v1/activity', openrouterActivity([{ date: day, model: 'm', usage: 1 }])]
    ],
    emptyObject: ['bad_response', 'bad_response', 'bad_response'],
    secondary: [1, 2]
  },
  // Issue 13 part 2: the providers added for coverage.
  {
    provider: 'anthropic',
    key: 'sk-ant-admin01-0123456789abcdef',
    options: () => ({ claudeCode: 'on' }),
    routes: [
      ['GET', '/v1/organizations/cost_report', cursorPages([[anthropicCostBucket({ day, lines: [{ description: 'a', cents: '100' }] })]])],
      ['GET', '/v1/organizations/usage_report/messages', cursorPages([[]])],
      ['GET', '/v1/organizations/usage_report/claude_code', claudeCodeReport({ [day]: [{ email: 'a@example.com', model: 'm', input: 1, output: 1, cacheRead: 0, cacheCreation: 0, cents: 1 }] })]
    ],
    emptyObject: ['bad_response', 'bad_response', 'bad_response'],
    // The Claude Code analytics option never costs the Anthropic figures (issue 13.3).
    secondary: [2]
  },
  { provider: 'fal', key: 'fal-admin-0123456789abcdef', routes: [['GET', '/v1/account/billing', falBilling(5)]], emptyObject: ['provider_error'] },
  { provider: 'vercel-ai-gateway', key: 'vck-0123456789abcdef', routes: [['GET', '/v1/credits', vercelCredits('5', '1')]], emptyObject: ['bad_response'] },
  { provider: 'venice', key: 'venice-admin-0123456789abcdef', routes: [['GET', '/api/v1/billing/balance', veniceBalance({ usd: 5, diem: 1, allocation: 2 })]], emptyObject: ['bad_response'] },
  {
    provider: 'deepgram',
    key: 'dg-0123456789abcdef0123',
    routes: [
      ['GET', '/v1/projects', deepgramProjects([{ id: 'p-1', name: 'Main' }])],
      ['GET', '/v1/projects/p-1/balances', deepgramBalances([{ amount: 5 }])]
    ],
    emptyObject: ['bad_response', 'bad_response']
  },
  {
    provider: 'poe',
    key: 'poe-0123456789abcdef0123',
    routes: [
      ['GET', '/usage/current_balance', poeBalance(100)],
      ['GET', '/usage/points_history', poeHistory([{ at: `${day}T10:00:00Z`, bot: 'GPT-4o', points: 5 }])]
    ],
    emptyObject: ['bad_response', 'ok'],
    secondary: [1]
  },
  {
    provider: 'runway',
    key: 'key_0123456789abcdef0123',
    routes: [
      ['GET', '/v1/organization', runwayOrganization(100, 1000)],
      ['POST', '/v1/organization/usage', runwayUsage([{ date: day, used: [{ model: 'gen4_turbo', amount: 5 }] }])]
    ],
    emptyObject: ['bad_response', 'bad_response'],
    secondary: [1]
  },
  {
    provider: 'deepinfra',
    key: 'di-0123456789abcdef0123',
    routes: [
      ['GET', '/payment/checklist', deepinfraChecklist({ stripeBalance: -10, recent: 1 })],
      ['GET', '/payment/usage', deepinfraUsage([{ period: '2026.11', cents: 100 }])]
    ],
    emptyObject: ['bad_response', 'bad_response'],
    secondary: [1]
  },
  {
    provider: 'github-copilot',
    key: 'github_pat_0123456789abcdef',
    options: () => ({ owner: 'octocat' }),
    routes: [['GET', '/users/octocat/settings/billing/usage', githubUserUsage([{ date: day, product: 'Copilot', sku: 'Copilot Premium Request', quantity: 1, price: 0.04, discount: 0 }])]],
    emptyObject: ['ok']
  },
  {
    provider: 'github-copilot',
    key: 'github_pat_0123456789abcdef',
    options: () => ({ ownerType: 'org', owner: 'acme' }),
    routes: [['GET', '/organizations/acme/settings/billing/premium_request/usage', githubPremiumUsage(day, [{ model: 'GPT-5', grossQuantity: 1, discountQuantity: 0, price: 0.04 }])]],
    // An empty answer is "no premium requests that day" (usageItems omitted), like Fireworks.
    emptyObject: ['ok']
  },
  {
    // The AWS SDK reads Cost Explorer's answers and errors; faults still land on Coffer's statuses.
    provider: 'aws-bedrock',
    key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    options: () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }),
    routes: [['POST', '/', costExplorer('AKIAIOSFODNN7EXAMPLE', [costAndUsagePage({ [day]: [{ usageType: 'USE1-Nova-Pro-input-tokens', amount: '1' }] })])]],
    emptyObject: ['bad_response']
  },
  {
    // Sent and signed by the official SDK (its own transport); its errors land on Coffer's statuses.
    provider: 'alibaba-bss',
    key: 'alibaba-secret-0123456789abcdef',
    options: () => ({ accessKeyId: 'LTAI5tFaultTable0001' }),
    routes: [['POST', '/', alibabaBalance({ accessKeyId: 'LTAI5tFaultTable0001', available: '1.00', cash: '1.00', credit: '0.00', currency: 'CNY' })]],
    emptyObject: ['bad_response'],
    retryAfterUnread: true
  },
  {
    // Built and signed by the official SDK, sent through Coffer's HTTP client (axios adapter).
    provider: 'volcengine-ark',
    key: 'volc-secret-0123456789abcdef',
    options: () => ({ accessKeyId: 'AKLTfaultTable0001' }),
    routes: [['GET', '/', volcengineBalance({ accessKeyId: 'AKLTfaultTable0001', cash: '1.00', credit: '0.00' })]],
    emptyObject: ['bad_response']
  },
  {
    provider: 'custom',
    key: 'custom-token-0123456789',
    noBaseUrl: true,
    options: (hh) => ({ url: `${hh.sim.baseUrl}/me`, balancePath: 'data.balance' }),
    routes: [['GET', '/me', { body: { data: { balance: '5' } } }]],
    emptyObject: ['bad_response']
  },
  {
    provider: 'custom',
    key: 'relay-token-0123456789',
    noBaseUrl: true,
    options: (hh) => ({ preset: 'openai-compatible-relay', url: hh.sim.baseUrl }),
    routes: [
      ['GET', '/v1/dashboard/billing/subscription', relaySubscription(10)],
      ['GET', '/v1/dashboard/billing/usage', relayUsage(100)]
    ],
    emptyObject: ['bad_response', 'bad_response']
  }
]

/** An error answer that echoes every credential header back, as some proxies do. */
function echoing(status: number, headers: Record<string, string> = {}): SimHandler {
  return (req: SimRequest) => ({
    status,
    headers,
    body: { error: { message: `Request with ${req.headers.authorization} ${req.headers['x-api-key']} ${req.headers['xi-api-key']} failed` } }
  })
}

interface Fault {
  name: string
  respond: (c: Case) => SimHandler
  status: string
  httpStatus?: number | null
  retryAfterMs?: number
  timeout?: boolean
}

const faults: Fault[] = [
  { name: '401', respond: () => echoing(401), status: 'auth_failed', httpStatus: 401 },
  { name: '402', respond: () => echoing(402), status: 'provider_error', httpStatus: 402 },
  { name: '403', respond: () => echoing(403), status: 'auth_failed', httpStatus: 403 },
  { name: '404', respond: () => echoing(404), status: 'provider_error', httpStatus: 404 },
  { name: '429 + Retry-After', respond: () => echoing(429, { 'retry-after': '120' }), status: 'rate_limited', httpStatus: 429, retryAfterMs: 120_000 },
  { name: '500', respond: () => echoing(500), status: 'provider_error', httpStatus: 500 },
  { name: '503', respond: () => echoing(503), status: 'provider_error', httpStatus: 503 },
  { name: 'HTML page', respond: () => ({ fault: 'html' }), status: 'bad_response' },
  { name: 'timeout', respond: () => ({ fault: 'hang' }), status: 'unreachable', httpStatus: null, timeout: true },
  { name: 'connection reset', respond: () => ({ fault: 'reset' }), status: 'unreachable', httpStatus: null },
  { name: 'truncated JSON', respond: () => ({ fault: 'truncated-json' }), status: 'bad_response' },
  { name: 'a JSON array', respond: () => ({ body: [1, 2, 3] }), status: 'bad_response' },
  { name: 'an empty object', respond: () => ({ body: {} }), status: 'by-provider' }
]

function secretsOf(c: Case): string[] {
  return [c.key, ...Object.values(c.options?.(h) ?? {}).filter((value) => value.startsWith('sk-'))]
}

for (const c of cases) {
  const label = c.options && c.noBaseUrl ? `${c.provider} (${c.options({ sim: { baseUrl: 'x' } } as Harness).preset ?? 'json'})` : c.provider
  describe(`${label}: every fault on every request → the right status, nothing partial, no key stored`, () => {
    for (const [index, [method, path]] of c.routes.entries()) {
      for (const fault of faults) {
        const expected = fault.status === 'by-provider' ? c.emptyObject[index] : fault.status
        if (expected === 'ok') continue
        if (c.secondary?.includes(index)) {
          it(`${fault.name} on ${method} ${path} → ok, the balance kept, a warning naming what failed`, async () => {
            if (fault.timeout) h.reopen({ requestTimeoutMs: 250 })
            for (const [m, p, good] of c.routes) h.sim.route(m, p, good)
            h.sim.route(method, path, fault.respond(c))
            const account = await addAccount(h, c.provider, c.key, c.options?.(h) ?? {}, c.noBaseUrl ? null : h.sim.baseUrl)

            const { report, view } = await poll(h, account.id)

            expect(report.status).toBe('ok')
            expect(report.warning).toMatch(/could not be read/)
            // The primary figure is kept: the balance, or a spend-only provider's spend lines.
            const kept = view.balances.length + (h.core.context.db.prepare('SELECT COUNT(*) AS n FROM spend_lines WHERE account_id = ?').get(account.id) as { n: number }).n
            expect(kept).toBeGreaterThan(0)
            expect(view.warning).toBe(report.warning)
            const db = h.core.context.db
            const stored = JSON.stringify([db.prepare('SELECT * FROM raw_responses').all(), db.prepare('SELECT * FROM poll_runs').all(), db.prepare('SELECT * FROM accounts').all()])
            for (const secret of secretsOf(c)) {
              expect(stored).not.toContain(secret)
              expect(JSON.stringify(report)).not.toContain(secret)
            }
          })
          continue
        }
        it(`${fault.name} on ${method} ${path} → ${expected}`, async () => {
          if (fault.timeout) h.reopen({ requestTimeoutMs: 250 })
          for (const [m, p, good] of c.routes) h.sim.route(m, p, good)
          h.sim.route(method, path, fault.respond(c))
          const account = await addAccount(h, c.provider, c.key, c.options?.(h) ?? {}, c.noBaseUrl ? null : h.sim.baseUrl)

          const { report, view } = await poll(h, account.id)

          expect(report.status).toBe(expected)
          if (fault.httpStatus !== undefined) expect(report.httpStatus).toBe(fault.httpStatus)
          if (fault.retryAfterMs !== undefined) {
            const run = h.core.context.db.prepare('SELECT retry_after_ms AS r FROM poll_runs WHERE account_id = ?').get(account.id) as { r: number | null }
            expect(run.r).toBe(c.retryAfterUnread ? null : fault.retryAfterMs)
          }
          expect(report.error?.message.length).toBeGreaterThan(10)
          expect(view.balances).toEqual([])
          const db = h.core.context.db
          for (const table of ['balance_snapshots', 'spend_lines', 'usage_lines', 'credit_events']) {
            expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0)
          }
          const stored = JSON.stringify([db.prepare('SELECT * FROM raw_responses').all(), db.prepare('SELECT * FROM poll_runs').all(), db.prepare('SELECT * FROM accounts').all()])
          for (const secret of secretsOf(c)) {
            expect(stored).not.toContain(secret)
            expect(JSON.stringify(report)).not.toContain(secret)
          }
        })
      }
    }
  })
}
