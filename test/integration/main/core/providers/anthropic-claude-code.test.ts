import { describe, expect, it } from 'vitest'
import { claudeCodeReport } from '../../../../simulator/shapes/anthropic-claude-code'
import { anthropicCostBucket } from '../../../../simulator/shapes/anthropic'
import { cursorPages } from '../../../../simulator/shapes/openai'
import { addAccount, poll, spendRows, useProviderHarness, usageRows } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-ant-admin01-0123456789abcdef'
const CLAUDE_CODE = '/v1/organizations/usage_report/claude_code'

/** The Anthropic account's own routes (legacy cost report: the analytics path answers 404 here). */
function anthropicRoutes(): void {
  h.sim.route('GET', '/v1/organizations/cost_report', cursorPages([[anthropicCostBucket({ day: '2026-11-20', lines: [{ description: 'Claude Sonnet 4.5 Usage', cents: '250' }] })]]))
  h.sim.route('GET', '/v1/organizations/usage_report/messages', cursorPages([[]]))
}

describe('Anthropic: the Claude Code analytics option', () => {
  it('off (the default): no Claude Code request', async () => {
    anthropicRoutes()
    const account = await addAccount(h, 'anthropic', KEY)
    expect((await poll(h, account.id)).report.status).toBe('ok')
    expect(h.sim.requestsTo(CLAUDE_CODE)).toHaveLength(0)
  })

  it('on: tokens per day and model, summed over actors and pages, as “Claude Code · <model>” usage lines; spend stays the cost report’s', async () => {
    anthropicRoutes()
    h.sim.route(
      'GET',
      CLAUDE_CODE,
      claudeCodeReport(
        {
          '2026-11-20': [
            { email: 'a@example.com', model: 'claude-sonnet-4-5', input: 1000, output: 200, cacheRead: 5000, cacheCreation: 300, cents: 120 },
            { email: 'b@example.com', model: 'claude-sonnet-4-5', input: 10, output: 2, cacheRead: 50, cacheCreation: 3, cents: 1 },
            { email: 'b@example.com', model: 'claude-opus-4-1', input: 7, output: 9, cacheRead: 0, cacheCreation: 0, cents: 30, customerType: 'subscription' }
          ],
          '2026-11-21': [{ email: 'a@example.com', model: 'claude-sonnet-4-5', input: 1, output: 1, cacheRead: 1, cacheCreation: 1, cents: 1 }]
        },
        2
      )
    )
    const account = await addAccount(h, 'anthropic', KEY, { claudeCode: 'on' })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning ?? null).toBeNull()
    // in/cached/write/out/requests
    expect(usageRows(h, account.id)).toEqual([
      '2026-11-20 Claude Code · claude-opus-4-1 7/0/0/9/0',
      '2026-11-20 Claude Code · claude-sonnet-4-5 1010/5050/303/202/0',
      '2026-11-21 Claude Code · claude-sonnet-4-5 1/1/1/1/0'
    ])
    // The estimated cost is already in the cost report for API customers: never spend twice.
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 Claude Sonnet 4.5 Usage USD 2500000'])
    // It is kept as the provider's estimate instead: official value lines, cents → micro-units.
    const values = h.core.context.db.prepare('SELECT day, model, unit, amount_micros AS micros, source FROM value_lines WHERE account_id = ? ORDER BY day, model').all(account.id)
    expect(values).toEqual([
      { day: '2026-11-20', model: 'Claude Code · claude-opus-4-1', unit: 'USD', micros: 300_000, source: 'official' },
      { day: '2026-11-20', model: 'Claude Code · claude-sonnet-4-5', unit: 'USD', micros: 1_210_000, source: 'official' },
      { day: '2026-11-21', model: 'Claude Code · claude-sonnet-4-5', unit: 'USD', micros: 10_000, source: 'official' }
    ])
    // 30 + 121 + 1 cents this month, beside the spend on the card; the spend itself is unchanged.
    expect(view.providerEstimates).toEqual([{ what: 'Claude Code', unit: 'USD', monthToDate: '1.52' }])
    expect(view.spend?.monthToDate).toBe('2.5')
    const requests = h.sim.requestsTo(CLAUDE_CODE)
    // First poll: 31 days (22 October to 21 November), one request per day, plus a second page on 20 November.
    expect(requests).toHaveLength(32)
    expect(requests[0]?.query.get('starting_at')).toBe('2026-10-22')
    expect(requests[0]?.headers['x-api-key']).toBe(KEY)
    expect(requests[0]?.headers['anthropic-version']).toBe('2023-06-01')
  })

  it('a Claude Code failure keeps the Anthropic figures and the stored Claude Code lines, with a warning', async () => {
    anthropicRoutes()
    h.sim.route('GET', CLAUDE_CODE, claudeCodeReport({ '2026-11-21': [{ email: 'a@example.com', model: 'claude-sonnet-4-5', input: 5, output: 5, cacheRead: 0, cacheCreation: 0, cents: 1 }] }))
    const account = await addAccount(h, 'anthropic', KEY, { claudeCode: 'on' })
    await poll(h, account.id)
    h.sim.route('GET', CLAUDE_CODE, { status: 500, body: { error: { type: 'api_error', message: 'overloaded' } } })
    h.clock.now = new Date('2026-11-21T13:00:00Z')
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/Claude Code analytics could not be read/)
    expect(usageRows(h, account.id)).toEqual(['2026-11-21 Claude Code · claude-sonnet-4-5 5/0/0/5/0'])
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 Claude Sonnet 4.5 Usage USD 2500000'])
  })
})
