import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Core } from '../../src/main/core/app'
import { migrate } from '../../src/main/core/ledger/migrate'
import { migrations } from '../../src/main/core/ledger/migrations'
import { benchCore } from '../fixtures'
import { cacheKey, seedHash } from './cache-key'
import { scalePlan, type ScaleName } from './scale-plan'
import { seedScale, type SeedReport } from './seed-scale'

const here = import.meta.dirname
const cacheDir = join(here, '..', '.cache')

/** A bench ledger ready to measure: a private copy of the cached file, and how it was built. */
export interface ScaleLedger {
  scale: ScaleName
  /** A data folder holding a copy of the cached ledger (`coffer.db`): measurements may write to it. */
  dataDir: string
  /** The seeding report, from when the cache entry was built. */
  seed: SeedReport & { cached: boolean }
  fileBytes: number
  dispose(): void
}

/**
 * The ledger of `scale`, ending today: built through the real ingest path the first time (a 1m
 * ledger takes a few minutes) and kept under `bench/.cache/`, keyed by the schema version, the
 * seeding code and the day, so a stale ledger is never measured.
 */
export async function scaleLedger(scale: ScaleName, endDay = new Date().toISOString().slice(0, 10)): Promise<ScaleLedger> {
  const key = cacheKey({ scale, schemaVersion: currentSchemaVersion(), seedHash: seedingCodeHash(), endDay })
  const cached = join(cacheDir, `${key}.db`)
  const report = join(cacheDir, `${key}.json`)
  let seed: SeedReport & { cached: boolean }
  if (existsSync(cached) && existsSync(report)) {
    seed = { ...(JSON.parse(readFileSync(report, 'utf8')) as SeedReport), cached: true }
  } else {
    process.stderr.write(`bench: building the ${scale} ledger (cached as bench/.cache/${key}.db)…\n`)
    const core = benchCore()
    const built = await seedScale(core, scalePlan(scale), endDay)
    const file = core.context.db.name
    core.close()
    mkdirSync(cacheDir, { recursive: true })
    const partial = `${cached}.partial`
    vacuumInto(file, partial)
    renameSync(partial, cached)
    writeFileSync(report, JSON.stringify(built))
    seed = { ...built, cached: false }
  }
  const dataDir = mkdtempSync(join(tmpdir(), `coffer-bench-${scale}-`))
  copyFileSync(cached, join(dataDir, 'coffer.db'))
  return { scale, dataDir, seed, fileBytes: statSync(cached).size, dispose: () => rmSync(dataDir, { recursive: true, force: true }) }
}

/** A core over a scale ledger's copy (in-memory keys, real SQLite on disk). */
export function scaleCore(ledger: ScaleLedger): Core {
  return benchCore({ dataDir: ledger.dataDir })
}

function vacuumInto(from: string, to: string): void {
  rmSync(to, { force: true })
  const db = new BetterSqlite3(from)
  try {
    db.prepare('VACUUM INTO ?').run(to)
  } finally {
    db.close()
  }
}

function currentSchemaVersion(): number {
  const db = new BetterSqlite3(':memory:')
  try {
    return migrate(db, migrations)
  } finally {
    db.close()
  }
}

/** The ledger code whose output a seeded ledger holds: what ingest writes and derives. */
const LEDGER_WRITERS = ['ingest.ts', 'line-writes.ts', 'line-keys.ts', 'replace-days.ts', 'ledger-hook.ts', 'balance-derivation.ts', 'usage-derivation.ts', 'rollups.ts', 'topup-matching.ts', 'derived-balance.ts']

/**
 * The seeding code's hash: the seeder, the plan, and the ledger code they write through (its
 * derivations decide what the ledger holds, so a change there builds the ledger again; the schema
 * version is part of the key already).
 */
function seedingCodeHash(): string {
  const ledgerDir = join(here, '..', '..', 'src', 'main', 'core', 'ledger')
  const files: Record<string, string> = {}
  for (const name of ['seed-scale.ts', 'scale-plan.ts']) files[name] = readFileSync(join(here, name), 'utf8')
  for (const name of LEDGER_WRITERS) files[`ledger/${name}`] = readFileSync(join(ledgerDir, name), 'utf8')
  // The backfill's length (BACKFILL_DAYS) decides how the seeding groups lines into transactions.
  files['providers/history-window.ts'] = readFileSync(join(ledgerDir, '..', 'providers', 'history-window.ts'), 'utf8')
  return seedHash(files)
}
