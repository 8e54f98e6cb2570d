import { ipcMain } from 'electron'
import type { Handlers } from '../../shared/contract'
import type { AppOrigin } from './app-origin'
import { registerCallRoutes } from './ipc-routes'

/**
 * electron-store registers a synchronous `ipcMain` listener on this channel for renderer-side
 * stores. Coffer never uses a store in the renderer, so the channel is closed: the contract's
 * calls are the only IPC the page can reach.
 */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data'

/**
 * The only module that touches `ipcMain`: wires the contract's routes (sender check, validation,
 * Wire envelope; see ipc-routes.ts) onto Electron. Call after the preferences store exists.
 */
export function registerIpc(handlers: Handlers, app: AppOrigin): () => void {
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL)
  return registerCallRoutes(ipcMain, { handlers, app })
}
