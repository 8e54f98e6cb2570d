import { z } from 'zod'
import { alertViewSchema } from './alerts-calls'
import { defineEvents } from './define'
import { accountIdSchema, accountStatusSchema } from './schemas'

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
  /** Alert state changed (fired, resolved, snoozed…): the renderer re-reads `alerts:list`. */
  'alerts:changed': z.object({}),
  /**
   * New alerts to announce now (quiet hours and throttling already applied): the shell shows native
   * notifications, the renderer a banner. `summary` is set when several arrive at once.
   */
  'alerts:fired': z.object({ alerts: z.array(alertViewSchema), summary: z.string().nullable() })
})
