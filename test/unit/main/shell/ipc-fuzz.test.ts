import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../../src/main/core/app'
import { isTrustedSender, resolveAppOrigin } from '../../../../src/main/shell/app-origin'
import { registerCallRoutes, type InvokeRegistry, type SenderEvent } from '../../../../src/main/shell/ipc-routes'
import { callNames } from '../../../../src/shared/contract/names'
import { errorCodes, type Wire } from '../../../../src/shared/errors'
import { useTempDir } from '../../../helpers/temp-dir'
import { createTestCore } from '../../../helpers/test-core'

const indexHtmlPath = '/opt/Coffer/out/renderer/index.html'
const app = resolveAppOrigin({ devServerUrl: undefined, isPackaged: true, indexHtmlPath })
const appUrl = pathToFileURL(indexHtmlPath).href

type Listener = (event: SenderEvent, request?: unknown) => Promise<Wire<unknown>>

function routes(core: Core): (name: string, event: SenderEvent, request: unknown) => Promise<Wire<unknown>> {
  const table = new Map<string, Listener>()
  const registry: InvokeRegistry = { handle: (name, listener) => void table.set(name, listener), removeHandler: () => undefined }
  registerCallRoutes(registry, { handlers: core.handlers, app, onRefused: () => undefined })
  return (name, event, request) => (table.get(name) as Listener)(event, request)
}

function isWire(reply: unknown): reply is Wire<unknown> {
  if (typeof reply !== 'object' || reply === null) return false
  const wire = reply as Record<string, unknown>
  if (wire.ok === true) return 'value' in wire
  return wire.ok === false && errorCodes.includes(wire.code as never) && typeof wire.message === 'string'
}

/** Garbage of every shape, plus objects using the contract's real field names with wrong values. */
const payloads = fc.oneof(
  fc.anything({ withNullPrototype: true }),
  fc.dictionary(
    fc.constantFrom('id', 'ids', 'url', 'draft', 'key', 'label', 'baseUrl', 'options', 'theme', 'from', 'to', 'limit', 'amount', 'unit', 'accountId', '__proto__'),
    fc.anything()
  )
)

/** URL-ish strings of many schemes (fc.webUrl is far too slow for thousands of runs). */
const urls = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'file://', 'file:///', 'app://', 'javascript:', 'data:', ''),
    fc.stringMatching(/^[a-z0-9.:@-]{0,24}$/),
    fc.stringMatching(/^[a-zA-Z0-9/._%#?=-]{0,40}$/)
  )
  .map(([scheme, host, path]) => `${scheme}${host}${path}`)

describe('IPC routes under arbitrary payloads (S5)', () => {
  const dir = useTempDir()
  let core: Core | null = null
  afterEach(() => {
    core?.close()
    vi.restoreAllMocks()
  })

  it('always answer with a Wire envelope, never throw, and never reach the network', async () => {
    const requests: string[] = []
    core = createTestCore(dir(), {
      fetch: async (input) => {
        requests.push(String(input))
        throw new Error('no network in this test')
      }
    })
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // internal errors are logged; keep output readable
    const call = routes(core)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames), payloads, async (name, payload) => {
        const reply = await call(name, { senderFrame: { url: appUrl, parent: null } }, payload)
        expect(isWire(reply)).toBe(true)
      }),
      { numRuns: 400 }
    )
    expect(requests).toEqual([])
  }, 20_000)

  it('refuse every payload from a foreign frame, whatever it is', async () => {
    core = createTestCore(dir())
    const call = routes(core)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames), fc.oneof(urls, fc.string()), fc.anything(), async (name, url, payload) => {
        fc.pre(!isTrustedSender(url, app))
        const reply = await call(name, { senderFrame: { url, parent: null } }, payload)
        expect(reply).toMatchObject({ ok: false, code: 'forbidden' })
      }),
      { numRuns: 100 }
    )
  }, 20_000)
})

describe('isTrustedSender over arbitrary URLs', () => {
  it('trusts a URL only when it names exactly the app’s index.html', () => {
    const variants = fc.oneof(
      urls,
      fc.string(),
      fc.string().map((suffix) => `${appUrl}${suffix}`),
      fc.string().map((prefix) => `${prefix}${appUrl}`),
      fc.stringMatching(/^\/[a-zA-Z0-9/._%-]{0,40}$/).map((path) => `file://${path}`)
    )
    fc.assert(
      fc.property(variants, (url) => {
        if (!isTrustedSender(url, app)) return
        const parsed = new URL(url)
        expect(parsed.protocol).toBe('file:')
        expect(parsed.host).toBe('')
        expect(parsed.pathname).toBe(new URL(appUrl).pathname)
      }),
      { numRuns: 1000 }
    )
  }, 20_000)
})
