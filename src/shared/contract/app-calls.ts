import { z } from 'zod'
import { defineCalls } from './define'
import { appInfoSchema, preferencesSchema } from './schemas'

/** App-level calls: runtime info and preferences. */
export const appCalls = defineCalls({
  'app:info': {
    summary: 'Version, runtime, data folder and whether the keychain works.',
    request: z.object({}).strict(),
    response: appInfoSchema
  },
  'preferences:get': {
    summary: 'The user’s preferences.',
    request: z.object({}).strict(),
    response: preferencesSchema
  },
  'preferences:set': {
    summary: 'Changes some preferences; returns all of them.',
    request: preferencesSchema.partial().strict(),
    response: preferencesSchema
  },
  'links:open': {
    summary: 'Opens an allow-listed https link (a provider’s billing page) in the system browser.',
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.boolean(), reason: z.string().nullable() })
  }
})
