import { describe, expect, it } from 'vitest'
import { escapeUnsafe, hasUnsafeCharacters, terminalJson } from '../../../src/shared/text-safety'

const hostile = ['bad\u001b[31mred', 'two\nrows', 'cr\rforged', 'nul\u0000', 'tab\tbed', 'del\u007f', 'c1\u009b31m', 'rtl\u202eevil', 'isolate\u2066x\u2069', 'embed\u202ax', 'line\u2028sep']

describe('text safety', () => {
  it.each(hostile)('finds the control or bidi character in %j', (text) => {
    expect(hasUnsafeCharacters(text)).toBe(true)
  })

  it('leaves ordinary text alone, accents and CJK included', () => {
    for (const text of ['DeepSeek', 'Café', '月之暗面', 'Team (prod) – 2026', 'emoji 💸']) {
      expect(hasUnsafeCharacters(text)).toBe(false)
      expect(escapeUnsafe(text)).toBe(text)
    }
  })

  it('escapes what old data holds, as \\uXXXX', () => {
    expect(escapeUnsafe('bad\u001b[31mred')).toBe('bad\\u001b[31mred')
    expect(escapeUnsafe('a\nb\u202ec')).toBe('a\\u000ab\\u202ec')
    for (const text of hostile) expect(hasUnsafeCharacters(escapeUnsafe(text))).toBe(false)
  })

  it('terminal JSON parses to the same data and carries no raw C1 or bidi characters', () => {
    const value = { label: 'rtl\u202eevil\u009b', note: 'esc\u001b' }
    const text = terminalJson(value)
    expect(JSON.parse(text)).toEqual(value)
    expect(text).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/)
    expect(text.split('\n').length).toBeGreaterThan(1)
  })
})
