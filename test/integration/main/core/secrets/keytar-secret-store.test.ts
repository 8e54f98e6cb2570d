import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../../../../src/main/core/secrets/keytar-secret-store'
import { KeychainUnavailableError } from '../../../../../src/main/core/secrets/secret-store'
import { deleteKeychainService, describeWithKeychain, testKeychainService } from '../../../../helpers/keychain'

describeWithKeychain('KeytarSecretStore against a real Secret Service', () => {
  const service = testKeychainService()
  const store = new KeytarSecretStore(service)

  afterAll(async () => {
    await deleteKeychainService(service)
  })

  it('probe() reports the keychain available', async () => {
    expect(await store.probe()).toEqual({ available: true })
  })

  it('set / get / delete round-trips a key', async () => {
    expect(await store.get('acc-roundtrip')).toBeNull()
    await store.set('acc-roundtrip', 'sk-or-v1-0123456789abcdef')
    expect(await store.get('acc-roundtrip')).toBe('sk-or-v1-0123456789abcdef')
    expect(await store.delete('acc-roundtrip')).toBe(true)
    expect(await store.get('acc-roundtrip')).toBeNull()
    expect(await store.delete('acc-roundtrip')).toBe(false)
  })

  it('overwrites a key in place and keeps unusual characters intact', async () => {
    await store.set('acc-overwrite', 'first')
    const unusual = 'sk-ünïcødé-密钥-🔑 with spaces\tand "quotes"'
    await store.set('acc-overwrite', unusual)
    expect(await store.get('acc-overwrite')).toBe(unusual)
    await store.delete('acc-overwrite')
  })

  it('keeps the key and management-key slots of an account separate', async () => {
    await store.set('acc-slots', 'inference-key')
    await store.set('acc-slots', 'management-key', 'managementKey')
    expect(await store.get('acc-slots')).toBe('inference-key')
    expect(await store.get('acc-slots', 'key')).toBe('inference-key')
    expect(await store.get('acc-slots', 'managementKey')).toBe('management-key')

    expect(await store.delete('acc-slots', 'managementKey')).toBe(true)
    expect(await store.get('acc-slots', 'managementKey')).toBeNull()
    expect(await store.get('acc-slots')).toBe('inference-key')
    await store.delete('acc-slots')
  })

  it.runIf(process.env.COFFER_TEST_KEYRING === '1')('writes to the private test keyring, not the user\'s [runs only inside scripts/run-tests.mjs]', async () => {
    // scripts/run-tests.mjs points the keyring daemon at a throw-away XDG_DATA_HOME under tmpdir.
    const dataHome = process.env.XDG_DATA_HOME ?? ''
    expect(dataHome.startsWith(tmpdir())).toBe(true)
    expect(process.env.HOME && dataHome.startsWith(process.env.HOME)).toBeFalsy()
    await store.set('acc-private', 'private')
    expect(readdirSync(join(dataHome, 'keyrings')).some((file) => file.endsWith('.keyring'))).toBe(true)
    await store.delete('acc-private')
  })

  it('keeps accounts and services separate', async () => {
    const other = new KeytarSecretStore(testKeychainService())
    await store.set('acc-a', 'key-a')
    await store.set('acc-b', 'key-b')
    expect(await store.get('acc-a')).toBe('key-a')
    expect(await store.get('acc-b')).toBe('key-b')
    expect(await other.get('acc-a')).toBeNull()
    await store.delete('acc-a')
    await store.delete('acc-b')
  })
})

const fixture = fileURLToPath(new URL('../../../../fixtures/keychain-without-bus.ts', import.meta.url))
const run = promisify(execFile)

interface Outcome {
  ok: boolean
  name?: string
  message?: string
}

// keytar talks to the Secret Service over D-Bus only on Linux; elsewhere it uses the OS keychain.
const describeOnLinux = process.platform === 'linux' ? describe : describe.skip
if (process.platform !== 'linux') {
  console.warn(`[coffer tests] SKIPPING the no-D-Bus keychain test: it is Linux-specific (this is ${process.platform})`)
}

describeOnLinux(`KeytarSecretStore without a reachable Secret Service${process.platform === 'linux' ? '' : ' [skipped: Linux only]'}`, () => {
  it('probe() says unavailable and set/get/delete fail with KeychainUnavailableError saying what to do', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/coffer-test-bus' }
    delete env.DISPLAY // no X11 autolaunch of a bus either
    const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, testKeychainService()], {
      env,
      timeout: 30_000
    })
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      probe: { available: boolean; message?: string }
      set: Outcome
      get: Outcome
      del: Outcome
      secret: string
    }

    expect(report.probe.available).toBe(false)
    expect(report.probe.message).toMatch(/keychain/i)

    for (const outcome of [report.set, report.get, report.del]) {
      expect(outcome.ok).toBe(false)
      expect(outcome.name).toBe('KeychainUnavailableError')
      // Tells the user what to install and unlock…
      expect(outcome.message).toMatch(/install/i)
      expect(outcome.message).toMatch(/gnome-keyring/)
      expect(outcome.message).toMatch(/unlock/i)
      // …keeps libsecret's own reason for whoever debugs it…
      expect(outcome.message).toMatch(/\(.+\)$/)
      // …and never echoes the secret.
      expect(outcome.message).not.toContain(report.secret)
    }
  })

  it('KeychainUnavailableError carries the help text and the detail', () => {
    const error = new KeychainUnavailableError('Could not connect: No such file or directory')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('KeychainUnavailableError')
    expect(error.detail).toBe('Could not connect: No such file or directory')
    expect(error.message).toMatch(/apt-get install gnome-keyring/)
    expect(error.message).toMatch(/\(Could not connect: No such file or directory\)$/)
  })
})
