import { z } from 'zod'
import { defineCalls } from './define'
import {
  balancePointSchema,
  balancesPageSchema,
  creditDraftSchema,
  creditEventViewSchema,
  creditKinds,
  creditsPageSchema,
  fxChangeSchema,
  fxSettingsSchema,
  momentSchema,
  overviewSchema,
  pollsPageSchema,
  recordKinds,
  recordsFilterSchema,
  spendPageSchema,
  unitSchema,
  usagePageSchema
} from './ledger-schemas'
import { accountIdSchema, decimalSchema, noteSchema } from './schemas'

const eventId = z.number().int().positive()

/** The ledger: credit events, records, exports, overview totals and exchange rates. */
export const ledgerCalls = defineCalls({
  'credits:record': {
    summary: 'Records a credit event (top-up, grant, expiry…) or a balance entry for an account.',
    request: creditDraftSchema,
    response: creditEventViewSchema
  },
  'credits:confirm': {
    summary: 'Confirms a top-up Coffer detected from a balance increase.',
    request: z.object({ id: eventId }).strict(),
    response: creditEventViewSchema
  },
  'credits:update': {
    summary: 'Corrects a credit event (kind, amount, time, expiry, note); a detected one becomes yours.',
    request: z
      .object({
        id: eventId,
        kind: z.enum(creditKinds).optional(),
        amount: decimalSchema.optional(),
        at: momentSchema.optional(),
        expiresAt: momentSchema.nullable().optional(),
        note: noteSchema.nullable().optional()
      })
      .strict(),
    response: creditEventViewSchema
  },
  'credits:remove': {
    summary: 'Deletes a credit event you entered.',
    request: z.object({ id: eventId }).strict(),
    response: z.object({ removed: z.literal(true) })
  },
  'balance:correct': {
    summary: 'Sets an account’s balance to the figure its console shows (a new anchor for derived balances).',
    request: z.object({ id: accountIdSchema, amount: decimalSchema, unit: unitSchema.optional() }).strict(),
    response: creditEventViewSchema
  },
  'records:spend': { summary: 'Spend lines matching a filter, with totals.', request: recordsFilterSchema, response: spendPageSchema },
  'records:usage': { summary: 'Usage by model matching a filter, with totals.', request: recordsFilterSchema, response: usagePageSchema },
  'records:credits': { summary: 'Credit events matching a filter, with totals.', request: recordsFilterSchema, response: creditsPageSchema },
  'records:polls': { summary: 'Poll runs matching a filter.', request: recordsFilterSchema, response: pollsPageSchema },
  'records:balances': { summary: 'Balance snapshots matching a filter.', request: recordsFilterSchema, response: balancesPageSchema },
  'records:export': {
    summary: 'Every row a filter matches as CSV or JSON text (what `coffer export` writes).',
    request: z.object({ what: z.enum(recordKinds), format: z.enum(['csv', 'json']), filter: recordsFilterSchema.prefault({}) }).strict(),
    response: z.object({ filename: z.string(), mimeType: z.string(), text: z.string(), rows: z.number().int() })
  },
  'ledger:overview': {
    summary: 'Totals in the home currency (what each converted and left out), burn rate, the account that runs out first, spend per day by account.',
    request: z.object({ days: z.number().int().min(7).max(730).default(90) }).strict(),
    response: overviewSchema
  },
  'ledger:balance-history': {
    summary: 'An account’s primary balance at the end of each day.',
    request: z.object({ id: accountIdSchema, days: z.number().int().min(2).max(730).default(90) }).strict(),
    response: z.object({ unit: z.string().nullable(), points: z.array(balancePointSchema) })
  },
  'fx:get': { summary: 'Home currency, the exchange rates in force today and their history.', request: z.object({}).strict(), response: fxSettingsSchema },
  'fx:set': {
    summary: 'Sets the home currency, adds dated exchange rates (from today unless a day is given) and forgets units.',
    request: fxChangeSchema,
    response: fxSettingsSchema
  }
})
