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
