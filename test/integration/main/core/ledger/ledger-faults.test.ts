import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { backupIfDue, BACKUPS_KEPT, listBackups } from '../../../../../src/main/core/ledger/backups'
import { migrations } from '../../../../../src/main/core/ledger/migrations'
import { openLedger } from '../../../../../src/main/core/ledger/open-ledger'
import { MemorySecretStore } from '../../../../../src/main/core/secrets/memory-secret-store'
import { KeychainUnavailableError, type SecretSlot } from '../../../../../src/main/core/secrets/secret-store'
import { runCliInProcess as coffer } from '../../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../../helpers/test-core'

const LATEST = migrations.at(-1)?.version ?? 0
const mode = (path: string): number => statSync(path).mode & 0o777

/** A ledger with one manual USD account holding a $42 balance entry, written through the CLI. */
async function seeded(home: string): Promise<void> {
  expect((await coffer(home, 'accounts', 'add', '--provider', 'manual', '--label', 'Cash', '--option', 'unit=USD')).code).toBe(0)
  expect((await coffer(home, 'record', 'Cash', '--type', 'balance', '--amount', '42')).code).toBe(0)
}

describe('environment faults are named, with advice, and lose nothing', () => {
  const dir = useTempDir('coffer-faults-')

  it('refuses an unusable data folder at once, with exit code 2', async () => {
    const file = join(dir(), 'a-file')
    writeFileSync(file, 'x')
    for (const [home, words] of [
      ['', 'no folder was given'],
      // Node's recursive mkdir spins forever here; Coffer must answer at once.
      ['/proc/nonexistent/x', 'cannot be created'],
      [file, 'is a file, not a folder']
    ] as const) {
      const run = await coffer(home, 'status')
      expect(run.code).toBe(2)
      expect(run.err).toContain(words)
      expect(run.err).toContain('Give --home (or COFFER_HOME) a folder you can write to.')
      expect(run.err).not.toContain('internal error')
    }
  })

  it('a damaged, a zero-byte, or a missing ledger beside its log is refused and left as it is', async () => {
    const folder = (name: string): string => {
      mkdirSync(join(dir(), name))
      return join(dir(), name)
    }
    const garbage = folder('garbage')
    const bytes = Buffer.from('this is not a database, it is a shopping list '.repeat(200))
    writeFileSync(join(garbage, 'coffer.db'), bytes)
    const damaged = await coffer(garbage, 'status')
    expect(damaged.code).toBe(1)
    expect(damaged.err).toContain(`The ledger at ${join(garbage, 'coffer.db')} is damaged`)
    expect(damaged.err).toContain('coffer backup restore')
    expect(readFileSync(join(garbage, 'coffer.db')).equals(bytes)).toBe(true)

    const empty = folder('empty')
    writeFileSync(join(empty, 'coffer.db'), '')
    expect((await coffer(empty, 'accounts', 'list')).err).toContain('it is empty (zero bytes)')
    expect(statSync(join(empty, 'coffer.db')).size).toBe(0)

    const orphan = folder('orphan')
    writeFileSync(join(orphan, 'coffer.db-wal'), 'log')
    expect((await coffer(orphan, 'status')).err).toContain('(Coffer\'s write-ahead log) is there but the ledger')
    expect(existsSync(join(orphan, 'coffer.db'))).toBe(false)
  })

  it('a ledger from a newer Coffer: exit 2, both schema versions named', async () => {
    const home = dir()
    const newer = new BetterSqlite3(join(home, 'coffer.db'))
    newer.pragma(`user_version = ${LATEST + 10}`)
    newer.close()
    const run = await coffer(home, 'status')
    expect(run.code).toBe(2)
    expect(run.err).toContain(`schema ${LATEST + 10}; this version knows up to ${LATEST}`)
  })

  it('owner-only files: data folder 0700, ledger 0600 (also one an older Coffer made 0644), exports 0600', async () => {
    const home = join(dir(), 'nested', 'data')
    await seeded(home)
    expect(mode(home)).toBe(0o700)
    expect(mode(join(home, 'coffer.db'))).toBe(0o600)
    const out = join(home, 'spend.csv')
    expect((await coffer(home, 'export', '--what', 'credits', '--format', 'csv', '--out', out)).code).toBe(0)
    expect(mode(out)).toBe(0o600)
    execFileSync('chmod', ['0644', join(home, 'coffer.db')])
    openLedger(home).close()
    expect(mode(join(home, 'coffer.db'))).toBe(0o600)
  })

  it('daily backups through the CLI: one a day, owner-only, the last 7 kept; restore brings a damaged ledger back', async () => {
    const home = dir()
    await seeded(home)
    const [today] = listBackups(home)
    expect(today?.day).toBe(new Date().toISOString().slice(0, 10))
    expect(mode(today?.path as string)).toBe(0o600)
    expect(listBackups(home)).toHaveLength(1)

    // Nine older backups (copies of today's): writing a new one keeps the newest seven.
    for (let back = 1; back <= 9; back += 1) copyFileSync(today?.path as string, join(home, 'backups', `coffer-2026-01-${String(back).padStart(2, '0')}.db`))
    const db = openLedger(home)
    expect(await backupIfDue(db, home, new Date())).toBeNull() // today's exists
    expect(await backupIfDue(db, home, new Date('2027-06-01T00:00:00Z'))).toMatch(/coffer-2027-06-01\.db$/)
    db.close()
    expect(listBackups(home).map((backup) => backup.day)).toEqual(['2027-06-01', today?.day, '2026-01-09', '2026-01-08', '2026-01-07', '2026-01-06', '2026-01-05'])
    expect(listBackups(home)).toHaveLength(BACKUPS_KEPT)

    // The ledger is destroyed; the newest backup that is today's copy brings Cash back.
    writeFileSync(join(home, 'coffer.db'), 'garbage'.repeat(1000))
    const restored = await coffer(home, 'backup', 'restore', today?.day as string)
    expect(restored.code).toBe(0)
    expect(restored.out).toContain(`Restored the backup of ${today?.day}.`)
    expect(restored.out).toMatch(/The ledger it replaced is kept as .*coffer\.db\.replaced-/)
    const status = await coffer(home, 'status', '--json')
    expect(status.code).toBe(0)
    expect((JSON.parse(status.out) as { accounts: { label: string }[] }).accounts.map((account) => account.label)).toEqual(['Cash'])
    const list = JSON.parse((await coffer(home, 'backup', 'list', '--json')).out) as { backups: { day: string }[] }
    expect(list.backups).toHaveLength(BACKUPS_KEPT)
    expect((await coffer(home, 'backup', 'restore', '1999-01-01')).code).toBe(2)
  })

  it('manual accounts never need a keychain: they poll ok and can be removed without one', async () => {
    class NoKeychain extends MemorySecretStore {
      override async get(_id: string, _slot?: SecretSlot): Promise<string | null> {
        throw new KeychainUnavailableError('No Secret Service is running.')
      }
      override async delete(_id: string, _slot?: SecretSlot): Promise<boolean> {
        throw new KeychainUnavailableError('No Secret Service is running.')
      }
    }
    const core = createTestCore(dir(), { secrets: new NoKeychain() })
    try {
      const view = await callOk(core, 'accounts:add', { draft: { provider: 'manual', label: 'GPTBots', options: { unit: 'credits' } } })
      const [report] = await callOk(core, 'accounts:poll', { ids: [view.id] })
      expect(report?.status).toBe('ok')
      expect(await callOk(core, 'accounts:remove', { id: view.id })).toEqual({ removed: true })
      expect(await callOk(core, 'accounts:list', {})).toEqual([])
    } finally {
      core.close()
    }
  })
})

/**
 * A read-only disk and a full disk are real file systems here: a small tmpfs, remounted read-only
 * or filled up. Mounting needs root with CAP_SYS_ADMIN (CI and the dev machines have it); elsewhere
 * the suite says why it is skipped.
 */
const mountRoot = '/tmp/coffer-fault-mounts'
function canMount(): boolean {
  try {
    mkdirSync(join(mountRoot, 'probe'), { recursive: true })
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', join(mountRoot, 'probe')], { stdio: 'ignore' })
    execFileSync('umount', [join(mountRoot, 'probe')], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const mountable = canMount()
const describeMounted = mountable ? describe : describe.skip
if (!mountable) console.warn('[coffer tests] skipping the read-only and full-disk tests: this user cannot mount a tmpfs (needs root with CAP_SYS_ADMIN).')

describeMounted('a read-only disk and a full disk (real tmpfs mounts)', () => {
  const mounts: string[] = []
  const mount = (name: string, size: string): string => {
    const target = join(mountRoot, name)
    mkdirSync(target, { recursive: true })
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target])
    mounts.push(target)
    return target
  }
  afterAll(() => {
    for (const target of mounts) execFileSync('umount', ['-l', target], { stdio: 'ignore' })
  })

  it('read-only: reading works, writing says why and changes nothing', async () => {
    const disk = mount('read-only', '8m')
    const home = join(disk, 'coffer')
    await seeded(home)
    const before = readFileSync(join(home, 'coffer.db'))
    execFileSync('mount', ['-o', 'remount,ro', disk])
    const status = await coffer(home, 'status')
    expect(status.code).toBe(0)
    expect(status.out).toContain('$42.00')
    expect((await coffer(home, 'alerts')).err).toBe('')
    const write = await coffer(home, 'record', 'Cash', '--type', 'topup', '--amount', '5')
    expect(write.code).toBe(1)
    expect(write.err).toContain('Coffer can read your ledger but not change it')
    expect(write.err).toContain('Nothing was changed.')
    expect(readFileSync(join(home, 'coffer.db')).equals(before)).toBe(true)
  })

  it('full: the command says the disk is full and the ledger keeps every earlier entry', async () => {
    const disk = mount('full', '2m')
    const home = join(disk, 'coffer')
    await seeded(home)
    // Fill what is left of the disk.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4k'], { stdio: 'ignore' })
    } catch {
      // dd stops with "No space left on device": that is the point.
    }
    const write = await coffer(home, 'record', 'Cash', '--type', 'topup', '--amount', '5', '--note', 'x'.repeat(400))
    expect(write.code).toBe(1)
    expect(write.err).toContain('is full, so nothing was saved and the ledger is unchanged')
    execFileSync('rm', [join(disk, 'filler')])
    const status = JSON.parse((await coffer(home, 'status', '--json')).out) as { accounts: { balances: { amount: string }[] }[] }
    expect(status.accounts[0]?.balances[0]?.amount).toBe('42')
  })
})
