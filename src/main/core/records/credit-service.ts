import { cached } from '../ledger/statements'
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import type { CreditEventView, creditDraftSchema } from '../../../shared/contract/ledger-schemas'
import { CofferError } from '../../../shared/errors'
import { toMicros } from '../../../shared/money'
import { findProvider } from '../../../shared/providers'
import type { AccountRecord } from '../ledger/accounts-repo'
import { AccountStateRepo } from '../ledger/account-state-repo'
import { primaryUnit } from '../ledger/account-figures'
import { hasOfficialBalance } from '../ledger/balance-derivation'
import { addsCredit, creditKindText } from '../ledger/credit-kinds'
import { dayOf } from '../ledger/days'
import type { CreditEventKind } from '../ledger/facts'
import { rederive } from '../ledger/ledger-hook'
import { CREDIT_SELECT, toCreditView } from '../ledger/records-queries'
import { detectionSnapshotId, pendingUntil } from '../ledger/topup-matching'

type Draft = z.output<typeof creditDraftSchema>

/** A minute of clock skew is tolerated; anything later is a typo. */
const FUTURE_SLACK_MS = 60_000

/** One credit event as the bridge shows it (its match state as of `now`), or `not_found`. */
export function creditEvent(db: Database, id: number, now: Date): CreditEventView {
  const row = cached(db, `${CREDIT_SELECT} WHERE t.id = ?`).get(id)
  if (!row) throw new CofferError('not_found', `No credit event ${id}. It may have been removed.`)
  return toCreditView(row as Parameters<typeof toCreditView>[0], now)
}

function checkAmount(kind: CreditEventKind, amount: string): number {
  const micros = toMicros(amount)
  if (kind !== 'adjustment' && kind !== 'balance' && micros <= 0) {
    throw new CofferError('bad_request', `A ${creditKindText[kind].toLowerCase()} needs a positive amount (an expiration is entered as the positive amount that expired).`)
  }
  if (kind === 'adjustment' && micros === 0) throw new CofferError('bad_request', 'An adjustment of zero changes nothing: enter a positive or negative amount.')
  return micros
}

function checkTimes(at: string, expiresAt: string | null | undefined, now: Date): void {
  if (Date.parse(at) > now.getTime() + FUTURE_SLACK_MS) throw new CofferError('bad_request', 'That time is in the future: enter when the credit change happened (leave it out for now).')
  if (expiresAt && Date.parse(expiresAt) <= Date.parse(at)) throw new CofferError('bad_request', 'The expiry must come after the date of the credit.')
}

/** The unit a new event defaults to: the account's primary one. */
function defaultUnit(db: Database, account: AccountRecord): string {
  const primary = primaryUnit(db, new AccountStateRepo(db), account.id)
  if (primary) return primary.unit
  // Manual (and custom) accounts name their unit when they are added (credits, USD…).
  if (account.options.unit) return account.options.unit
  throw new CofferError('bad_request', `Coffer does not know ${account.label}’s unit yet: say which one (for example USD, CNY or credits).`)
}

/** Spend already recorded for the event's day when it is entered (see migration 0020). */
function baselineOf(db: Database, accountId: string, unit: string, at: string): number {
  const row = cached(db, 'SELECT spend_micros AS micros FROM daily_rollups WHERE account_id = ? AND day = ? AND unit = ?').get(accountId, dayOf(at), unit) as
    | { micros: number }
    | undefined
  return row?.micros ?? 0
}

/**
 * Records a credit event or a balance entry (source `manual`) and re-derives what depends on it,
 * in one transaction: spend and detected top-ups around it for balance-only accounts, the derived
 * balance for spend-only and manual ones.
 *
 * When the provider reports the balance itself, a credit-adding event is not counted by its time:
 * the balance may not show it yet, and counting it would make the reading pair it falls in look
 * like spend. It either takes the place of a rise Coffer already detected (entered after the poll),
 * or waits, pending, for a reading that rises to include it (`matchPendingCredits`).
 */
export function recordCredit(db: Database, account: AccountRecord, draft: Draft, now: Date): CreditEventView {
  const unit = draft.unit ?? defaultUnit(db, account)
  const micros = checkAmount(draft.kind, draft.amount)
  let at = draft.at ?? now.toISOString()
  checkTimes(at, draft.expiresAt, now)
  const official = hasOfficialBalance(db, account.id, unit)
  const claimed = official && addsCredit(draft.kind) ? claimDetection(db, account.id, unit, at) : null
  if (claimed) at = claimed.at
  const pending = official && addsCredit(draft.kind) && !claimed ? pendingUntil(at) : null
  const expiresAt = draft.expiresAt === undefined ? defaultExpiry(account.provider, draft.kind, at) : draft.expiresAt
  if (draft.kind === 'balance' && official) {
    const name = findProvider(account.provider)?.name ?? account.provider
    throw new CofferError(
      'bad_request',
      `${name} reports ${account.label}’s ${unit} balance itself, so there is nothing to correct. Record a top-up, grant or adjustment instead.`
    )
  }
  const id = db.transaction(() => {
    const inserted = cached(db,
        `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, expires_at, note, source, confirmed, created_at, baseline_micros,
           pending_until, matched_snapshot_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', 1, ?, ?, ?, ?)`
      )
      .run(
        account.id,
        draft.kind,
        micros,
        unit,
        at,
        expiresAt,
        draft.note || null,
        now.toISOString(),
        baselineOf(db, account.id, unit, at),
        pending,
        claimed?.snapshotId ?? null
      )
    rederive(db, account.id, { at: [at], units: [unit], extraDays: [], now, writtenAt: now.toISOString() })
    return Number(inserted.lastInsertRowid)
  })()
  return creditEvent(db, id, now)
}

/**
 * A bought credit's expiry when the user gives none: its provider's published credit lifetime
 * after the purchase (fal: 365 days), else none. `credits:update` can still clear it.
 */
function defaultExpiry(provider: string, kind: Draft['kind'], at: string): string | null {
  const days = findProvider(provider)?.creditLifetimeDays
  return days && (kind === 'topup' || kind === 'purchase') ? new Date(Date.parse(at) + days * 86_400_000).toISOString() : null
}

/** How far back a top-up entered after the fact may claim a detected one. */
const CLAIM_WINDOW_MS = 48 * 3_600_000

/**
 * A top-up entered after Coffer already detected it (the poll came first) would count twice. When
 * an unconfirmed detected top-up lies within two days before the entry, the entry takes its place:
 * it is matched to the reading that revealed the detection (and moved to just before it), so
 * re-deriving that interval explains the rise by the entry (the detection goes away, and any
 * difference between the two amounts becomes spend, or stays detected when the rise was larger).
 * Returns the time and the reading to use, if any. No plausibility rule here, unlike a pending
 * match: the user entered it after seeing the detection, so they are saying which rise it was.
 */
function claimDetection(db: Database, accountId: string, unit: string, at: string): { at: string; snapshotId: number } | null {
  const detected = cached(
    db,
    `SELECT occurred_at AS at, derivation_key AS key FROM credit_events WHERE account_id = ? AND unit = ? AND source = 'derived' AND confirmed = 0
       AND derivation_key IS NOT NULL AND occurred_at <= ? AND occurred_at >= ? ORDER BY occurred_at DESC LIMIT 1`
  ).get(accountId, unit, at, new Date(Date.parse(at) - CLAIM_WINDOW_MS).toISOString()) as { at: string; key: string } | undefined
  if (!detected) return null
  // Just before the reading that revealed it, so the entry also falls inside that interval by time.
  return { at: new Date(Date.parse(detected.at) - 1).toISOString(), snapshotId: detectionSnapshotId(detected.key) }
}

interface StoredEvent {
  id: number
  accountId: string
  kind: CreditEventKind
  micros: number
  unit: string
  at: string
  expiresAt: string | null
  note: string | null
  source: string
  key: string | null
  pendingUntil: string | null
  matched: number | null
  /** When the reading it is matched to was observed. */
  matchedAt: string | null
}

function stored(db: Database, id: number): StoredEvent {
  const row = cached(db,
      `SELECT e.id, e.account_id AS accountId, e.kind, e.amount_micros AS micros, e.unit, e.occurred_at AS at, e.expires_at AS expiresAt, e.note,
         e.source, e.derivation_key AS key, e.pending_until AS pendingUntil, e.matched_snapshot_id AS matched, s.observed_at AS matchedAt
       FROM credit_events e LEFT JOIN balance_snapshots s ON s.id = e.matched_snapshot_id WHERE e.id = ?`
    )
    .get(id) as StoredEvent | undefined
  if (!row) throw new CofferError('not_found', `No credit event ${id}. It may have been removed.`)
  return row
}

/** The times whose derivations depend on `event`: its own, and the reading it is matched to. */
function timesOf(event: StoredEvent): string[] {
  return event.matchedAt ? [event.at, event.matchedAt] : [event.at]
}

/**
 * Confirms an event as it is. A detected top-up keeps its `derived` source and is never
 * re-derived. A recorded credit still waiting for the balance to show it ("it did happen") stops
 * waiting: unmatched, it counts by its time again; matched, it stays with its rise for good.
 */
export function confirmCredit(db: Database, id: number, now: Date): CreditEventView {
  const event = stored(db, id)
  db.transaction(() => {
    cached(db, 'UPDATE credit_events SET confirmed = 1, pending_until = NULL WHERE id = ?').run(id)
    if (event.pendingUntil !== null) rederive(db, event.accountId, { at: timesOf(event), units: [event.unit], extraDays: [], now, writtenAt: now.toISOString() })
  })()
  return creditEvent(db, id, now)
}

/**
 * How a corrected event is placed: a kind that adds no credit never waits for a rise; a waiting
 * one keeps waiting (its deadline follows its time); one pinned to a rise it claimed keeps it
 * unless its time changes (the user then says when it happened, and it counts by that time).
 */
function placementAfter(event: StoredEvent, kind: CreditEventKind, at: string): { pendingUntil: string | null; matched: number | null } {
  if (!addsCredit(kind)) return { pendingUntil: null, matched: null }
  if (event.pendingUntil !== null) return { pendingUntil: pendingUntil(at), matched: event.matched }
  return { pendingUntil: null, matched: at === event.at ? event.matched : null }
}

/** Corrects an event; a corrected detected top-up becomes the user's (`manual`, confirmed). */
export function updateCredit(
  db: Database,
  change: { id: number; kind?: CreditEventKind; amount?: string; at?: string; expiresAt?: string | null; note?: string | null },
  now: Date
): CreditEventView {
  const event = stored(db, change.id)
  const kind = change.kind ?? event.kind
  const micros = change.amount === undefined ? event.micros : checkAmount(kind, change.amount)
  const at = change.at ?? event.at
  const expiresAt = change.expiresAt === undefined ? event.expiresAt : change.expiresAt
  checkTimes(at, expiresAt, now)
  const placement = placementAfter(event, kind, at)
  db.transaction(() => {
    cached(db,
      `UPDATE credit_events SET kind = ?, amount_micros = ?, occurred_at = ?, expires_at = ?, note = ?, confirmed = 1, source = ?,
         pending_until = ?, matched_snapshot_id = ? WHERE id = ?`
    ).run(
      kind,
      micros,
      at,
      expiresAt,
      change.note === undefined ? event.note : change.note || null,
      event.source === 'official' ? 'official' : 'manual',
      placement.pendingUntil,
      placement.matched,
      event.id
    )
    rederive(db, event.accountId, { at: [...timesOf(event), at], units: [event.unit], extraDays: [], now, writtenAt: now.toISOString() })
  })()
  return creditEvent(db, event.id, now)
}

/** Deletes an event the user entered; detected top-ups are corrected instead (they would come back). */
export function removeCredit(db: Database, id: number, now: Date): void {
  const event = stored(db, id)
  if (event.key !== null) {
    throw new CofferError(
      'conflict',
      'Coffer detected this top-up from the balance going up, so deleting it would not stick: correct its type or amount instead.'
    )
  }
  db.transaction(() => {
    cached(db, 'DELETE FROM credit_events WHERE id = ?').run(id)
    rederive(db, event.accountId, { at: timesOf(event), units: [event.unit], extraDays: [], now, writtenAt: now.toISOString() })
  })()
}
