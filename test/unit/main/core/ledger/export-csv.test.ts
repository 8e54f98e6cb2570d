import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from '../../../../../src/main/core/ledger/export-records'

describe('CSV export (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks; doubles quotes; leaves the rest alone', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(null)).toBe('')
    expect(csvField(false)).toBe('false')
  })

  it('writes a header and CRLF-terminated rows with decimal strings as they are', () => {
    const text = toCsv('spend', [{ day: '2026-03-01', account: 'Main, EU', accountId: 'acc_abcdefghij', item: 'gpt-5, input', amount: '0.000001', unit: 'USD', source: 'official' }])
    expect(text).toBe('date,account,account_id,item,amount,unit,source\r\n2026-03-01,"Main, EU",acc_abcdefghij,"gpt-5, input",0.000001,USD,official\r\n')
  })

  it('defuses text a spreadsheet would run as a formula, and leaves amounts alone', () => {
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe('"\'=HYPERLINK(""https://evil.example"",""x"")"')
    expect(csvField('+1+cmd')).toBe("'+1+cmd")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('\tcalc')).toBe("'\tcalc")
    expect(csvField('-12.5')).toBe('-12.5')
    expect(csvField('+3')).toBe('+3')
    expect(csvField(-0.000001)).toBe('-0.000001')
  })
})
