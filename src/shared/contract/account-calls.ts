import { z } from 'zod'
import { defineCalls } from './define'
import {
  accountDraftSchema,
  accountIdSchema,
  accountViewSchema,
  apiKeySchema,
  baseUrlSchema,
  labelSchema,
  pollIntervalSchema,
  pollReportSchema,
  providerOptionsSchema
} from './schemas'

/** Accounts: add, edit, remove, test and poll. Keys enter here and never come back out. */
export const accountCalls = defineCalls({
  'accounts:list': {
    summary: 'Every account with its balances, status and masked key hint.',
    request: z.object({}).strict(),
    response: z.array(accountViewSchema)
  },
  'accounts:add': {
    summary: 'Creates an account; the key (if any) goes straight to the OS keychain.',
    request: z.object({ draft: accountDraftSchema, key: apiKeySchema.optional() }).strict(),
    response: accountViewSchema
  },
  'accounts:update': {
    summary: 'Changes an account’s label, base URL, options or poll interval.',
    request: z
      .object({
        id: accountIdSchema,
        label: labelSchema.optional(),
        baseUrl: baseUrlSchema.nullable().optional(),
        options: providerOptionsSchema.optional(),
        pollIntervalMinutes: pollIntervalSchema.optional()
      })
      .strict(),
    response: accountViewSchema
  },
  'accounts:set-key': {
    summary: 'Replaces an account’s key in the keychain.',
    request: z.object({ id: accountIdSchema, key: apiKeySchema }).strict(),
    response: accountViewSchema
  },
  'accounts:remove': {
    summary: 'Deletes an account, its history and its keychain entry.',
    request: z.object({ id: accountIdSchema }).strict(),
    response: z.object({ removed: z.literal(true) })
  },
  'accounts:test': {
    summary: 'Tries a draft account’s key against the provider without saving anything.',
    request: z.object({ draft: accountDraftSchema, key: apiKeySchema.optional() }).strict(),
    response: pollReportSchema.omit({ accountId: true }).extend({
      /** The address of the request that failed (redacted), so the form can name it; `null` when none did. */
      url: z.string().nullable().optional()
    })
  },
  'accounts:poll': {
    summary: 'Polls the given accounts now (all when `ids` is empty).',
    request: z.object({ ids: z.array(accountIdSchema).max(500).default([]) }).strict(),
    response: z.array(pollReportSchema)
  }
})
