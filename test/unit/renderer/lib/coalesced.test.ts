import { describe, expect, it } from 'vitest'
import { coalesced } from '../../../../src/renderer/src/lib/coalesced'

/** A read that waits until released, counting its runs. */
function gatedRead() {
  const state = { runs: 0, release: () => {} }
  const read = () =>
    new Promise<void>((resolve) => {
      state.runs += 1
      state.release = resolve
    })
  return { state, read }
}

describe('coalesced', () => {
  it('runs once for a single call', async () => {
    const { state, read } = gatedRead()
    const load = coalesced(read)
    const done = load()
    state.release()
    await done
    expect(state.runs).toBe(1)
  })

  it('folds a burst of calls during a run into one more run, and all callers wait for it', async () => {
    const { state, read } = gatedRead()
    const load = coalesced(read)
    const first = load()
    const later = [load(), load(), load()]
    expect(later.every((promise) => promise === first)).toBe(true)
    state.release()
    await Promise.resolve()
    await Promise.resolve()
    expect(state.runs).toBe(2)
    state.release()
    await first
    expect(state.runs).toBe(2)
  })

  it('starts afresh once the previous run has finished', async () => {
    const { state, read } = gatedRead()
    const load = coalesced(read)
    const first = load()
    state.release()
    await first
    const second = load()
    expect(second).not.toBe(first)
    state.release()
    await second
    expect(state.runs).toBe(2)
  })
})
