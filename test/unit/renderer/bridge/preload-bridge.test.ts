import { describe, expect, it } from 'vitest'
import { createBridgeApi } from '../../../../src/preload/bridge-api'
import { BridgeError, errorCode } from '../../../../src/renderer/src/bridge/bridge-error'
import { createPreloadBridge } from '../../../../src/renderer/src/bridge/preload-bridge'

/** The preload as main would answer it, then the page's adapter on top: codes survive the trip. */
function bridge(reply: unknown) {
  const preload = createBridgeApi(async () => reply, () => () => undefined)
  // structuredClone stands in for contextBridge: plain data crosses, prototypes and extra Error fields don't.
  return createPreloadBridge({ invoke: async (name, request) => structuredClone(await preload.invoke(name, request)), on: preload.on })
}

describe('createPreloadBridge', () => {
  it('returns the value of a successful call', async () => {
    await expect(bridge({ ok: true, value: { removed: true } }).invoke('accounts:remove', { id: 'acc_0000000000' })).resolves.toEqual({ removed: true })
  })

  it('throws a BridgeError that keeps the contract code after crossing the bridge', async () => {
    const error = await bridge({ ok: false, code: 'conflict', message: 'An account called “Work” already exists.' })
      .invoke('accounts:list', {})
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BridgeError)
    expect(errorCode(error)).toBe('conflict')
    expect((error as Error).message).toBe('An account called “Work” already exists.')
  })

  it('reports undeclared calls as unknown_call without reaching main', async () => {
    const error = await bridge({ ok: true, value: null }).invoke('keys:dump' as never, {} as never).catch((caught: unknown) => caught)
    expect(errorCode(error)).toBe('unknown_call')
  })
})
