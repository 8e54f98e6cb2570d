import type { SimRequest, SimResponse } from '../provider-simulator'

/** One actor's Claude Code day for one model: tokens and the estimated cost in cents. */
export interface ClaudeCodeRow {
  email: string
  model: string
  input: number
  output: number
  cacheRead: number
  cacheCreation: number
  cents: number
  customerType?: 'api' | 'subscription'
}

/**
 * `GET /v1/organizations/usage_report/claude_code?starting_at=YYYY-MM-DD` (platform.claude.com/docs/
 * en/api/admin/usage_report, `ClaudeCodeUsageReport`): `{ data: [{ date, actor, organization_id,
 * customer_type, terminal_type, core_metrics, tool_actions, model_breakdown: [{ model, tokens:
 * { input, output, cache_read, cache_creation }, estimated_cost: { currency, amount } }] }],
 * has_more, next_page }`, one record per actor and day. `rowsByDay` maps a day to its rows; with
 * `pageSize`, records are split into pages (`page=<next_page>`).
 */
export function claudeCodeReport(rowsByDay: Readonly<Record<string, readonly ClaudeCodeRow[]>>, pageSize = 1000): (req: SimRequest) => SimResponse {
  return (req) => {
    const day = req.query.get('starting_at') ?? ''
    const records = (rowsByDay[day] ?? []).map((row) => ({
      date: `${day}T00:00:00Z`,
      actor: { type: 'user_actor', email_address: row.email },
      organization_id: 'org-1',
      customer_type: row.customerType ?? 'api',
      terminal_type: 'vscode',
      core_metrics: { num_sessions: 1, lines_of_code: { added: 10, removed: 2 }, commits_by_claude_code: 0, pull_requests_by_claude_code: 0 },
      tool_actions: { edit_tool: { accepted: 1, rejected: 0 } },
      model_breakdown: [
        {
          model: row.model,
          tokens: { input: row.input, output: row.output, cache_read: row.cacheRead, cache_creation: row.cacheCreation },
          estimated_cost: { currency: 'USD', amount: row.cents }
        }
      ]
    }))
    const start = Number(req.query.get('page') ?? 0)
    const data = records.slice(start, start + pageSize)
    const more = start + pageSize < records.length
    return { body: { data, has_more: more, next_page: more ? String(start + pageSize) : null } }
  }
}
