import { describe, expect, it } from 'vitest'
import { nextTurn } from '../../../../../src/main/core/poller/next-turn'

describe('nextTurn: one waiter per turn of the event loop', () => {
  it('lets other callbacks run between waiters that asked at the same moment', async () => {
    const order: string[] = []
    const turns = [1, 2, 3].map((n) => nextTurn().then(() => void order.push(`turn ${n}`)))
    setImmediate(() => order.push('someone else'))
    await Promise.all(turns)
    // A plain setImmediate per waiter would run all three before anyone else.
    expect(order).toEqual(['turn 1', 'someone else', 'turn 2', 'turn 3'])
  })

  it('lets a timer that came due run between two turns', async () => {
    const order: string[] = []
    const first = nextTurn().then(() => {
      const until = Date.now() + 5
      while (Date.now() < until) {
        // a synchronous piece of work, like one ingest
      }
      order.push('turn 1')
    })
    const second = nextTurn().then(() => void order.push('turn 2'))
    setTimeout(() => order.push('timer'), 1)
    await Promise.all([first, second])
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(order).toEqual(['turn 1', 'timer', 'turn 2'])
  })
})
