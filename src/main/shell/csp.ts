import { RENDERER_CSP } from '../../shared/http-protocol'

/** Response headers as Electron's `webRequest.onHeadersReceived` hands them over. */
export type ResponseHeaders = Record<string, string[] | string>

/**
 * Returns `headers` with the renderer's Content-Security-Policy set (checklist item 7). Any CSP
 * header the response already had, whatever its case, is replaced rather than added to: two
 * policies would both apply, and the intent is exactly {@link RENDERER_CSP}.
 */
export function withRendererCsp(headers: ResponseHeaders | undefined, csp: string = RENDERER_CSP): ResponseHeaders {
  const next: ResponseHeaders = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') next[name] = value
  }
  next['Content-Security-Policy'] = [csp]
  return next
}
