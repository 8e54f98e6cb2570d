import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, quote } from './provider-fault'
import { amount, businessError, endpoint, numeric, parseShape } from './parse'

/** Deepgram's legacy error body (`err_code`, `err_msg`), which a 200 must never be mistaken for. */
const errorFields = { err_code: z.unknown().optional(), err_msg: z.string().optional() }

const projectsShape = z.object({ projects: z.array(z.object({ project_id: z.string(), name: z.string().nullable().optional() }).passthrough()).optional(), ...errorFields })

const balancesShape = z.object({
  balances: z
    .array(z.object({ balance_id: z.string().nullable().optional(), amount: numeric.nullable().optional(), units: z.string().nullable().optional() }).passthrough())
    .optional(),
  ...errorFields
})

/**
 * Deepgram Management API (developers.deepgram.com/reference/manage/billing/list):
 * `Authorization: Token <key>`. `GET /v1/projects/{project_id}/balances` lists the project's
 * outstanding balances `{ balance_id, amount, units, purchase_order_id }`; `amount` is a double in
 * `units` ("usd" in practice; the docs say "such as USD"). Balances of one unit are summed into the
 * account's balance in that unit, exactly. Without a `projectId` option Coffer lists the key's
 * projects (`GET /v1/projects`) and uses the only one; several projects ask the user to choose.
 * An empty list is a project without prepaid credit: the poll succeeds with no figure and says so.
 */
export const deepgramAdapter: ProviderAdapter = {
  id: 'deepgram',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = { authorization: `Token ${context.key ?? ''}` }
    const projectId = context.account.options.projectId?.trim() || (await onlyProject(context, headers))
    const response = await context.http.json({ url: endpoint(context.baseUrl, `/v1/projects/${encodeURIComponent(projectId)}/balances`), headers })
    const body = parseShape(balancesShape, response.json, 'Deepgram balances')
    if (body.err_code !== undefined || body.err_msg !== undefined) throw businessError('Deepgram', body.err_code, body.err_msg)
    if (!body.balances) throw badResponse('unexpected_shape', 'Deepgram balances: the answer has no balances list')
    const totals = new Map<string, number>()
    for (const [index, balance] of body.balances.entries()) {
      const unit = unitOf(balance.units)
      totals.set(unit, (totals.get(unit) ?? 0) + amount(balance.amount ?? 0, `balances[${index}].amount`))
    }
    const facts = emptyFacts()
    for (const [unit, micros] of totals) facts.balances.push({ unit, kind: 'total', amountMicros: micros, source: 'official' })
    if (totals.size === 0) facts.warnings = ['Deepgram lists no outstanding balance for this project (no prepaid credit), so there is no balance to show.']
    return facts
  }
}

/** The key's only project; several ask the user to pick one in the account settings. */
async function onlyProject(context: PollContext, headers: Record<string, string>): Promise<string> {
  const response = await context.http.json({ url: endpoint(context.baseUrl, '/v1/projects'), headers })
  const body = parseShape(projectsShape, response.json, 'Deepgram projects')
  if (body.err_code !== undefined || body.err_msg !== undefined) throw businessError('Deepgram', body.err_code, body.err_msg)
  const projects = body.projects ?? []
  if (projects.length === 1) return (projects[0] as { project_id: string }).project_id
  if (projects.length === 0) throw badResponse('no_project', 'Deepgram lists no project for this key', 200)
  const names = projects.slice(0, 5).map((p) => `${p.name ?? 'unnamed'} (${p.project_id})`).join(', ')
  throw badResponse('several_projects', `this key sees ${projects.length} Deepgram projects; set the Project ID option to one of ${quote(names, 300)}`, 200)
}

/** "usd" → USD; another unit (hours, say) keeps its name in lower case. */
function unitOf(units: string | null | undefined): string {
  const text = (units ?? 'usd').trim()
  if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase()
  return /^[A-Za-z][A-Za-z0-9 ._-]{0,31}$/.test(text) ? text.toLowerCase() : 'USD'
}
