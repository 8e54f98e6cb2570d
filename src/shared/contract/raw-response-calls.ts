import { z } from 'zod'
import { defineCalls } from './define'
import { accountIdSchema, isoTimeSchema } from './schemas'

/** What a provider said during one request of a recent poll (redacted: never a key). */
export const rawResponseSchema = z.object({
  id: z.number().int(),
  pollRunId: z.number().int(),
  capturedAt: isoTimeSchema,
  method: z.string(),
  url: z.string(),
  /** `null` when no answer came (timeout, reset). */
  httpStatus: z.number().int().nullable(),
  contentType: z.string().nullable(),
  body: z.string(),
  /** The body was cut to the stored maximum. */
  truncated: z.boolean(),
  /** The outcome of the poll this request belonged to. */
  pollStatus: z.string()
})
export type RawResponse = z.infer<typeof rawResponseSchema>

/** The account's "What the provider said" view. */
export const rawResponseCalls = defineCalls({
  'accounts:raw-responses': {
    summary: 'The recent raw provider answers of an account (bounded, newest first, keys redacted).',
    request: z.object({ id: accountIdSchema, limit: z.number().int().min(1).max(50).default(20) }).strict(),
    response: z.array(rawResponseSchema)
  }
})
