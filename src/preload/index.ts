import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridgeApi } from './bridge-api'

/**
 * The preload (sandboxed, context-isolated): exposes exactly one object, `window.coffer`, with
 * `invoke` and `on` over the contract's declared names. No raw `ipcRenderer`, no channel strings
 * of the page's choosing, no `process`. Main re-checks the sender and validates every request.
 */
const api = createBridgeApi(
  (name, request) => ipcRenderer.invoke(name, request),
  (event, listener) => {
    // Only the payload crosses: the IPC event object carries `sender` (ipcRenderer itself).
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  }
)

contextBridge.exposeInMainWorld('coffer', api)
