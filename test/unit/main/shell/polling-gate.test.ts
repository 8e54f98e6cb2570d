import { describe, expect, it } from 'vitest'
import { PollingGate } from '../../../../src/main/shell/polling-gate'

function recorder() {
  const calls: string[] = []
  return { calls, poller: { start: () => calls.push('start'), stop: () => calls.push('stop') } }
}

describe('PollingGate', () => {
  it('starts only once enabled, and only when awake and online', () => {
    const { calls, poller } = recorder()
    const gate = new PollingGate(poller, false)
    gate.enable()
    expect(calls).toEqual([])
    gate.setOnline(true)
    expect(calls).toEqual(['start'])
    expect(gate.isRunning()).toBe(true)
  })

  it('stops on suspend and restarts on resume, once each', () => {
    const { calls, poller } = recorder()
    const gate = new PollingGate(poller)
    gate.enable()
    gate.setSuspended(true)
    gate.setSuspended(true)
    gate.setOnline(false)
    gate.setSuspended(false)
    expect(calls).toEqual(['start', 'stop'])
    gate.setOnline(true)
    expect(calls).toEqual(['start', 'stop', 'start'])
  })

  it('ignores repeated online checks that change nothing', () => {
    const { calls, poller } = recorder()
    const gate = new PollingGate(poller)
    gate.enable()
    for (let i = 0; i < 5; i += 1) gate.setOnline(true)
    expect(calls).toEqual(['start'])
  })

  it('stops for good when disabled (quit)', () => {
    const { calls, poller } = recorder()
    const gate = new PollingGate(poller)
    gate.enable()
    gate.disable()
    gate.setOnline(true)
    gate.setSuspended(false)
    expect(calls).toEqual(['start', 'stop'])
    expect(gate.isRunning()).toBe(false)
  })
})
