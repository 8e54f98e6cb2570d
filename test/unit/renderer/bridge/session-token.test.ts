import { describe, expect, it } from 'vitest'
import { takeSessionToken, TOKEN_STORAGE_KEY, type TokenEnvironment } from '../../../../src/renderer/src/bridge/session-token'

/** A page's hash and sessionStorage, as plain data. */
function page(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored))
  const state = { hash, cleared: 0 }
  const env: TokenEnvironment = {
    get hash() {
      return state.hash
    },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    clearHash: () => {
      state.hash = ''
      state.cleared += 1
    }
  }
  return { env, storage, state }
}

describe('takeSessionToken', () => {
  it('moves the token from the fragment to sessionStorage and clears the fragment', () => {
    const { env, storage, state } = page('#token=abc123')
    expect(takeSessionToken(env)).toBe('abc123')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc123')
    expect(state.cleared).toBe(1)
  })

  it('finds the stored token after a reload (fragment already gone)', () => {
    const first = page('#token=abc123')
    takeSessionToken(first.env)
    const reloaded = page('', Object.fromEntries(first.storage))
    expect(takeSessionToken(reloaded.env)).toBe('abc123')
    expect(reloaded.state.cleared).toBe(0)
  })

  it('prefers a fresh token in the fragment over a stale stored one', () => {
    const { env, storage } = page('#token=new', { [TOKEN_STORAGE_KEY]: 'old' })
    expect(takeSessionToken(env)).toBe('new')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new')
  })

  it('returns null when there is no token anywhere (the page explains what to open)', () => {
    expect(takeSessionToken(page('').env)).toBeNull()
    expect(takeSessionToken(page('#other=1').env)).toBeNull()
    expect(takeSessionToken(page('#token=').env)).toBeNull()
  })
})
