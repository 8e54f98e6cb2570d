import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { MemorySecretStore } from '../../../../../src/main/core/secrets/memory-secret-store'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'

/** Records keys like the keychain does, slowly enough that two adds overlap. */
class SlowSecretStore extends MemorySecretStore {
  readonly written = new Set<string>()

  override async set(accountId: string, secret: string, slot?: 'key' | 'managementKey'): Promise<void> {
    this.written.add(accountId)
    await new Promise((resolve) => setTimeout(resolve, 30))
    return super.set(accountId, secret, slot)
  }
}

let dir: string
let core: Core
let secrets: SlowSecretStore

beforeEach(async () => {
  dir = await makeTempDir('coffer-accounts-')
  secrets = new SlowSecretStore()
  core = createTestCore(dir, { secrets })
})

afterEach(async () => {
  core.close()
  await removeTempDir(dir)
})

describe('accounts:add', () => {
  it('two simultaneous adds with one label: one account, the other a conflict, no orphaned key', async () => {
    const draft = { provider: 'deepseek', label: 'Twin' }
    const results = await Promise.all([
      callWire(core, 'accounts:add', { draft, key: 'sk-first-0123456789' }),
      callWire(core, 'accounts:add', { draft: { ...draft, label: 'twin' }, key: 'sk-second-0123456789' })
    ])

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const failed = results.find((r) => !r.ok)
    expect(failed).toMatchObject({ ok: false, code: 'conflict' })
    expect(!failed?.ok && failed?.message).toMatch(/already exists/)

    const accounts = await callOk(core, 'accounts:list', {})
    expect(accounts).toHaveLength(1)
    // Only the surviving account's key is left in the keychain.
    const id = accounts[0]?.id as string
    expect(await secrets.get(id)).toMatch(/^sk-(first|second)-0123456789$/)
    expect(secrets.written.size).toBe(2)
    for (const written of secrets.written) if (written !== id) expect(await secrets.get(written)).toBeNull()
  })

  it('a label differing only in case is taken', async () => {
    await callOk(core, 'accounts:add', { draft: { provider: 'deepseek', label: 'Work' }, key: 'sk-work-0123456789' })
    expect(await callWire(core, 'accounts:add', { draft: { provider: 'deepseek', label: 'WORK' }, key: 'sk-work-0123456789' })).toMatchObject({
      ok: false,
      code: 'conflict'
    })
  })
})

describe('accounts:update', () => {
  const managementKey = 'sk-or-mgmt-0123456789abcdef'

  it('a rejected label change leaves the stored management key untouched', async () => {
    await callOk(core, 'accounts:add', { draft: { provider: 'openrouter', label: 'Taken' }, key: 'sk-or-v1-taken-0123456789' })
    const org = await callOk(core, 'accounts:add', {
      draft: { provider: 'openrouter', label: 'Org', options: { managementKey } },
      key: 'sk-or-v1-org-0123456789'
    })

    const rejected = await callWire(core, 'accounts:update', { id: org.id, label: 'taken', options: { managementKey: 'sk-or-mgmt-REPLACED-000000' } })

    expect(rejected).toMatchObject({ ok: false, code: 'conflict' })
    expect(await secrets.get(org.id, 'managementKey')).toBe(managementKey)
  })

  it('an accepted change stores the new management key and never keeps it in the ledger', async () => {
    const org = await callOk(core, 'accounts:add', { draft: { provider: 'openrouter', label: 'Org' }, key: 'sk-or-v1-org-0123456789' })

    const updated = await callOk(core, 'accounts:update', { id: org.id, label: 'Org 2', options: { managementKey } })

    expect(updated.label).toBe('Org 2')
    expect(updated.options).not.toHaveProperty('managementKey')
    expect(await secrets.get(org.id, 'managementKey')).toBe(managementKey)
  })
})
