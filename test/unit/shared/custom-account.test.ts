import { describe, expect, it } from 'vitest'
import { parseJsonPath, parseScale, readJsonPath, validateCustomOptions, validateManualOptions } from '../../../src/shared/custom-account'

describe('parseJsonPath', () => {
  it.each([
    ['data.balance', ['data', 'balance']],
    ['$.data.balance', ['data', 'balance']],
    ['data.items[0].amount', ['data', 'items', 0, 'amount']],
    ['balance_infos[1][2]', ['balance_infos', 1, 2]],
    ['[0].x', [0, 'x']],
    ['total-balance', ['total-balance']]
  ])('%s → %j', (path, steps) => {
    expect(parseJsonPath(path)).toEqual(steps)
  })

  it.each(['', '$', 'a..b', 'a.', 'a[x]', 'a[0', 'a]0[', 'a[-1]', `${'a.'.repeat(40)}a`])('rejects %j with a message', (path) => {
    expect(() => parseJsonPath(path)).toThrow(/JSON path/)
  })
})

describe('readJsonPath', () => {
  const body = { data: { items: [{ amount: '1.5' }, { amount: 2 }], zero: 0, nil: null } }
  it('follows keys and indexes', () => {
    expect(readJsonPath(body, parseJsonPath('data.items[1].amount'))).toBe(2)
    expect(readJsonPath(body, parseJsonPath('data.zero'))).toBe(0)
    expect(readJsonPath(body, parseJsonPath('data.nil'))).toBeNull()
  })
  it('is undefined for missing steps, wrong containers and prototype names', () => {
    for (const path of ['data.items[5].amount', 'data.items.amount', 'data[0]', 'data.constructor', '__proto__', 'data.items.length', 'data.toString']) {
      expect(readJsonPath(body, parseJsonPath(path)), path).toBeUndefined()
    }
  })
})

describe('parseScale', () => {
  it('reads shifts and divisors', () => {
    expect(parseScale(undefined)).toEqual({ shift: 0 })
    expect(parseScale('')).toEqual({ shift: 0 })
    expect(parseScale('-2')).toEqual({ shift: -2 })
    expect(parseScale('+3')).toEqual({ shift: 3 })
    expect(parseScale('/500000')).toEqual({ divisor: '500000' })
    expect(parseScale('/ 2.5')).toEqual({ divisor: '2.5' })
  })
  it.each(['x100', '/0', '/', '-100', '1e3', '*2'])('rejects %j', (scale) => {
    expect(() => parseScale(scale)).toThrow(/Scale/)
  })
})

describe('option checks', () => {
  it('custom: URL always, a valid path and scale for the JSON kind, nothing more for the relay', () => {
    expect(validateCustomOptions({})).toMatch(/URL/)
    expect(validateCustomOptions({ preset: 'openai-compatible-relay' }, { baseUrl: 'https://relay.test' })).toBeNull()
    expect(validateCustomOptions({ url: 'https://x' })).toMatch(/JSON path/)
    expect(validateCustomOptions({ url: 'https://x', balancePath: 'a', usedPath: 'b[' })).toMatch(/JSON path/)
    expect(validateCustomOptions({ url: 'https://x', balancePath: 'a', scale: 'q' })).toMatch(/Scale/)
    expect(validateCustomOptions({ url: 'https://x', balancePath: 'a.b[0]', scale: '-2' })).toBeNull()
    expect(validateCustomOptions({ url: 'https://x', preset: 'openai-compatible-relay' })).toBeNull()
    // A relay's figures may need a scale too (one-api raw quota: /500000); a bad one is refused.
    expect(validateCustomOptions({ url: 'https://x', preset: 'openai-compatible-relay', scale: '/500000' })).toBeNull()
    expect(validateCustomOptions({ url: 'https://x', preset: 'openai-compatible-relay', scale: '/0' })).toMatch(/Scale/)
  })
  it('manual: credit value is a positive decimal and comes with its currency', () => {
    expect(validateManualOptions({ unit: 'credits' })).toBeNull()
    expect(validateManualOptions({ unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' })).toBeNull()
    expect(validateManualOptions({ unit: 'credits', creditValue: '0' })).toMatch(/positive/)
    expect(validateManualOptions({ unit: 'credits', creditValueCurrency: 'USD' })).toMatch(/together/)
  })
})
