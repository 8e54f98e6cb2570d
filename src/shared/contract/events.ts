import { z } from 'zod'
import { alertViewSchema } from './alerts-calls'
import { defineEvents } from './define'
import { accountIdSchema, accountStatusSchema } from './schemas'

/** One step of a long poll (see the `poll:step` event). */
export const pollStepSchema = z.object({
  accountId: accountIdSchema,
  /** What is being read, in words: "OpenAI usage", "Anthropic cost report". */
  what: z.string(),
  /** Pages of it read so far (1, 2, …). */
  page: z.number().int().min(1),
  /** The account's first poll, reading its whole history window. */
  backfill: z.boolean()
})
export type PollStep = z.infer<typeof pollStepSchema>

/** Pushes from main to the renderer. Payloads are small: the renderer re-reads what changed. */
export const events = defineEvents({
  /** Accounts were added, removed, edited or polled. */
  'accounts:changed': z.object({ ids: z.array(accountIdSchema) }),
  /** A poll started or finished (drives the refresh progress indicator). */
  'poll:progress': z.object({
    accountId: accountIdSchema,
    phase: z.enum(['started', 'finished']),
    status: accountStatusSchema.nullable()
  }),
  /**
   * A long poll moved on: one more page of a paginated history read (a first poll's 90-day
   * backfill takes several). For a progress line in the CLI and on the card; `backfill` is true on
   * an account's first poll, which reaches 90 days back.
   */
  'poll:step': pollStepSchema,
  /** Alert state changed (fired, resolved, snoozed…): the renderer re-reads `alerts:list`. */
  'alerts:changed': z.object({}),
  /**
   * New alerts to announce now (quiet hours and throttling already applied): the shell shows native
   * notifications, the renderer a banner. `summary` is set when several arrive at once.
   */
  'alerts:fired': z.object({ alerts: z.array(alertViewSchema), summary: z.string().nullable() })
})
