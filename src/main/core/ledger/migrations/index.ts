import { initialSchema } from './0010-initial'
import { derivationsSchema } from './0020-derivations'
import { alertsSchema } from './0030-alerts'
import { plansSchema } from './0040-plans'
import { providersSchema } from './0050-providers'
import { datedRatesSchema } from './0060-dated-rates'
import { pendingTopupsSchema } from './0070-pending-topups'
import { webhookLocalSchema } from './0080-webhook-local'
import { historyIndependentReadsSchema } from './0090-history-independent-reads'
import { pollWarningsSchema } from './0110-poll-warnings'
import { localLogsSchema } from './0130-local-logs'
import { novitaCashElevenlabsOverageSchema } from './0140-novita-cash-elevenlabs-overage'
import { dayRangesByPrimaryKeySchema } from './0190-day-ranges-by-primary-key'
import { officialValueLinesSchema } from './0200-official-value-lines'
import { integerLineKeysSchema } from './0210-integer-line-keys'
import type { Migration } from './migration'

/** Every schema step, oldest first. Never edit a step that has shipped: add a new one. */
export const migrations: readonly Migration[] = [
  initialSchema,
  derivationsSchema,
  alertsSchema,
  plansSchema,
  providersSchema,
  datedRatesSchema,
  pendingTopupsSchema,
  webhookLocalSchema,
  historyIndependentReadsSchema,
  pollWarningsSchema,
  localLogsSchema,
  novitaCashElevenlabsOverageSchema,
  dayRangesByPrimaryKeySchema,
  officialValueLinesSchema,
  integerLineKeysSchema
]
