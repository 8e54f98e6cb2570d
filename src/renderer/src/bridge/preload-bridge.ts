import type { CofferApi, PreloadApi } from '../../../shared/contract'
import { BridgeError } from './bridge-error'

/**
 * Adapts the Electron preload's `window.coffer` (which resolves with Wire envelopes) to the
 * {@link CofferApi} the store uses: a failed call throws a {@link BridgeError} with its code, here
 * on the page side, where contextBridge can no longer strip it.
 */
export function createPreloadBridge(preload: PreloadApi): CofferApi {
  return {
    async invoke(name, request) {
      const reply = await preload.invoke(name, request)
      if (!reply.ok) throw new BridgeError(reply.code, reply.message)
      return reply.value
    },
    on: (event, listener) => preload.on(event, listener)
  }
}
