import { z } from 'zod'
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
  })
})
