import { z } from 'zod'
import { dayOf } from '../ledger/days'
import type { LedgerFacts, ValueFact } from '../ledger/facts'
import { UsageLines } from './fact-lines'
import { addDays, historyWindow } from './history-window'
import { fetchCursorPages } from './paginate'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { ProviderFault, quote } from './provider-fault'
import { amount, count } from './parse'

/** The Anthropic account option that turns this on. */
export const CLAUDE_CODE_OPTION = 'claudeCode'
/** One request per day: at most this many days per poll (a month on the first poll). */
const MAX_DAYS = 31
/** Prefix of the usage lines, so Claude Code's rows never merge with the Messages API's own. */
export const CLAUDE_CODE_MODEL_PREFIX = 'Claude Code · '

const tokenShape = z.union([z.number(), z.string()]).nullable().optional()
const recordShape = z.object({
  customer_type: z.string().nullable().optional(),
  model_breakdown: z
    .array(
      z
        .object({
          model: z.string(),
          tokens: z.object({ input: tokenShape, output: tokenShape, cache_read: tokenShape, cache_creation: tokenShape }).passthrough(),
          estimated_cost: z.object({ currency: z.string().nullable().optional(), amount: z.union([z.number(), z.string()]) }).passthrough().nullable().optional()
        })
        .passthrough()
    )
    .default([])
})
const pageShape = z.object({ data: z.array(recordShape), has_more: z.boolean().optional(), next_page: z.string().nullable().optional() })

/**
 * Claude Code Analytics Admin API, an option on the Anthropic account (platform.claude.com/docs/en/
 * build-with-claude/claude-code-analytics-api; reference: /docs/en/api/admin/usage_report):
 * `GET /v1/organizations/usage_report/claude_code?starting_at=YYYY-MM-DD&limit=1000`, the same
 * admin key and headers, paged with `page=<next_page>`. One day per request; each record is one
 * actor's day with `model_breakdown: [{ model, tokens: { input, output, cache_read,
 * cache_creation }, estimated_cost: { currency, amount } }]`, amount in cents.
 *
 * Coffer sums the tokens per day and model into usage lines named “Claude Code · <model>”, and the
 * estimated cost into `official` value lines of the same names (migration 200).
 * Why the estimated cost is not spend: for API customers Claude Code's usage is already billed in
 * the cost report (a second line would count every dollar twice and run the derived balance down
 * twice as fast), and for subscription seats it is not billed per token at all. The tokens overlap
 * with the Messages usage report in the same way, which is why they keep their own prefix.
 * A failure here keeps the Anthropic figures and names what is missing (issue 13.3).
 */
export function withClaudeCodeAnalytics(inner: ProviderAdapter): ProviderAdapter {
  return {
    id: inner.id,
    async poll(context: PollContext): Promise<LedgerFacts> {
      const facts = await inner.poll(context)
      if (context.account.options[CLAUDE_CODE_OPTION] !== 'on') return facts
      try {
        const { usage, values } = await readClaudeCode(context)
        return { ...facts, usage: [...facts.usage, ...usage.list()], values: [...(facts.values ?? []), ...values] }
      } catch (error) {
        if (!(error instanceof ProviderFault)) throw error
        // Replacing this poll's usage days would delete the Claude Code lines already stored.
        const replaceDays = facts.replaceDays ? { ...facts.replaceDays, usage: undefined } : undefined
        const warning = `Claude Code analytics could not be read (${quote(error.message, 160)}), so Claude Code's daily tokens are not updated.`
        return { ...facts, replaceDays, warnings: [...(facts.warnings ?? []), warning] }
      }
    }
  }
}

/**
 * Claude Code's tokens per day and model, and Anthropic's estimate of what they cost as value
 * lines (`official`, never spend: see above), summed over the day's actors.
 */
async function readClaudeCode(context: PollContext): Promise<{ usage: UsageLines; values: ValueFact[] }> {
  const window = historyWindow(context.now, context.lastSuccessAt, MAX_DAYS)
  const headers = { 'x-api-key': context.key ?? '', 'anthropic-version': '2023-06-01' }
  const usage = new UsageLines()
  const values = new Map<string, ValueFact>()
  for (let date = window.start; date < window.end; date = addDays(date, 1)) {
    const day = dayOf(date)
    const records = await fetchCursorPages(
      context,
      { path: '/v1/organizations/usage_report/claude_code', params: { starting_at: day, limit: '1000' }, headers },
      pageShape,
      'Claude Code analytics'
    )
    for (const record of records) {
      for (const entry of record.model_breakdown) {
        usage.add(day, `${CLAUDE_CODE_MODEL_PREFIX}${entry.model}`, {
          inputTokens: count(entry.tokens.input, 'tokens.input'),
          outputTokens: count(entry.tokens.output, 'tokens.output'),
          cachedInputTokens: count(entry.tokens.cache_read, 'tokens.cache_read'),
          cacheWriteTokens: count(entry.tokens.cache_creation, 'tokens.cache_creation'),
          requests: 0
        })
        const cost = entry.estimated_cost
        if (cost) {
          const model = `${CLAUDE_CODE_MODEL_PREFIX}${entry.model}`
          const unit = (cost.currency ?? 'USD').toUpperCase()
          const key = JSON.stringify([day, model, unit])
          const value = values.get(key) ?? { day, model, unit, amountMicros: 0 }
          // Cents, as every amount of Anthropic's usage and cost reports.
          value.amountMicros += amount(cost.amount, 'estimated_cost.amount', -2)
          values.set(key, value)
        }
      }
    }
  }
  return { usage, values: [...values.values()] }
}
