import type { PreloadApi } from '../shared/contract'

declare global {
  interface Window {
    /** The bridge exposed by the Electron preload; absent when the page is served by `coffer serve`. */
    coffer?: PreloadApi
  }
}
