import type { CallName, EventName } from './index'

/**
 * The contract's names without its schemas, so the preload stays tiny (no zod in the preload
 * bundle). The two type checks below fail to compile if this list drifts from the contract.
 */
export const callNames = [
  'app:info',
  'preferences:get',
  'preferences:set',
  'links:open',
  'accounts:list',
  'accounts:add',
  'accounts:update',
  'accounts:set-key',
  'accounts:remove',
  'accounts:test',
  'accounts:poll',
  'accounts:raw-responses',
  'plans:compare',
  'plans:list',
  'plans:save',
  'plans:remove',
  'plans:set-price',
  'subscriptions:report',
  'credits:record',
  'credits:confirm',
  'credits:update',
  'credits:remove',
  'balance:correct',
  'records:spend',
  'records:usage',
  'records:credits',
  'records:polls',
  'records:balances',
  'records:export',
  'ledger:overview',
  'ledger:balance-history',
  'fx:get',
  'fx:set',
  'alerts:list',
  'alerts:snooze',
  'alerts:dismiss',
  'alerts:settings',
  'alerts:update-settings',
  'alerts:set-auto-reload',
  'alerts:test-webhook',
  'rules:list',
  'rules:set',
  'rules:remove',
  'budgets:list',
  'budgets:set',
  'budgets:remove'
] as const satisfies readonly CallName[]

export const eventNames = ['accounts:changed', 'poll:progress', 'poll:step', 'alerts:changed', 'alerts:fired'] as const satisfies readonly EventName[]

type Missing<All, Listed> = Exclude<All, Listed>
const everyCallListed: Missing<CallName, (typeof callNames)[number]> extends never ? true : never = true
const everyEventListed: Missing<EventName, (typeof eventNames)[number]> extends never ? true : never = true
void everyCallListed
void everyEventListed
