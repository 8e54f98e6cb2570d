import { describe, expect, it } from 'vitest'
import { baseUrlSchema, decimalSchema, labelSchema, noteSchema, providerOptionsSchema, rateSchema } from '../../../../src/shared/contract/schemas'

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }): string => result.error?.issues.map((issue) => issue.message).join('; ') ?? ''

describe('decimalSchema: amounts in integer micro-units', () => {
  it.each(['0', '12.5', '-3.25', '0.000001', '9000000000', '-9000000000', '9000000000.000000', '00012.340000', ' 7 '])('accepts %j', (value) => {
    expect(decimalSchema.safeParse(value).success).toBe(true)
  })

  const refused: [string, RegExp][] = [
    ['99999999999999999999', /go up to 9,000,000,000 with at most 6 decimals.*too large/],
    ['9007199254.740993', /too large/],
    ['9000000000.000001', /too large/],
    ['-9000000001', /too large/],
    ['12.345678901', /at most 6 decimals.*round it to 6 decimals/],
    ['0.0000001', /round it to 6 decimals/],
    ['1e3', /Expected a decimal number/],
    ['12,50', /Expected a decimal number/],
    ['NaN', /Expected a decimal number/],
    ['', /Expected a decimal number/],
    ['9'.repeat(5000), /too large/]
  ]
  it.each(refused)('refuses %s with the limit and the precision', (value, expected) => {
    const result = decimalSchema.safeParse(value)
    expect(result.success).toBe(false)
    expect(message(result)).toMatch(expected)
  })

  it('rates may be finer than amounts', () => {
    expect(rateSchema.safeParse('0.0000393').success).toBe(true)
    expect(rateSchema.safeParse('-1').success).toBe(false)
    expect(rateSchema.safeParse('1'.repeat(20)).success).toBe(false)
  })
})

describe('baseUrlSchema: where the key goes', () => {
  it('keeps https and loopback http, without the trailing slash', () => {
    expect(baseUrlSchema.parse('https://my-proxy.example/or/')).toBe('https://my-proxy.example/or')
    expect(baseUrlSchema.parse('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787')
  })

  it.each([
    ['http://admin:pw@proxy.example.com', /user name and password/],
    ['http://169.254.169.254/latest', /unencrypted to 169\.254\.169\.254/],
    ['http://proxy.example.com', /Use https/],
    ['https://proxy.example.com/?key=x', /\? or #/],
    ['ftp://proxy.example.com', /Only https/],
    ['proxy.example.com', /full URL/]
  ])('refuses %s', (value, expected) => {
    const result = baseUrlSchema.safeParse(value)
    expect(result.success).toBe(false)
    expect(message(result)).toMatch(expected)
    expect(message(result)).not.toContain('pw@')
  })
})

describe('labels, notes and option values are one line of plain text', () => {
  const hostile = ['bad\u001b[31mred', 'Forged\nacc_x  fake row', 'cr\rx', 'nul\u0000x', 'del\u007fx', 'c1\u0085x', 'rtl\u202ex', 'iso\u2067x']
  it.each(hostile)('refuses %j', (value) => {
    expect(message(labelSchema.safeParse(`A ${value}`))).toMatch(/control characters/)
    expect(message(noteSchema.safeParse(`A ${value}`))).toMatch(/control characters/)
    expect(message(providerOptionsSchema.safeParse({ plan: `A ${value}` }))).toMatch(/control characters/)
  })

  it('accepts ordinary text', () => {
    expect(labelSchema.parse('  Café – 月之暗面  ')).toBe('Café – 月之暗面')
    expect(noteSchema.parse('Paid by card (invoice 42)')).toBe('Paid by card (invoice 42)')
  })
})
