import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REDACTED, Redactor } from '../../../../../src/main/core/providers/redactor'
import { MIN_SECRET_PREFIX } from '../../../../../src/main/core/providers/secret-forms'

// Keys mix letters and digits with URL-, JSON- and HTML-special characters (and a few non-ASCII
// ones). No brackets: `[redacted]` next to surrounding text must not be able to spell a key.
const KEY_CHARS = [...'abcXYZ0189-_.~/+=%&?#:;,@!*\'()"\\ é€😀']
const TEXT_CHARS = [...'abc XYZ 019 -_./+=%&?#:,"\\{}<>é\n']

const keyArb = fc.array(fc.constantFrom(...KEY_CHARS), { minLength: MIN_SECRET_PREFIX, maxLength: 40 }).map((chars) => chars.join(''))
const textArb = fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 30 }).map((chars) => chars.join(''))

/** The ways a provider, proxy or relay may echo (part of) a key. Each gets the text around it too. */
type Echo = (piece: string, before: string, after: string, mask: boolean[]) => string
const lowerHex = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())
const jsonUnicode = (text: string, mask: boolean[], upper = false): string =>
  [...text]
    .map((char, i) => {
      if (!(mask[i % mask.length] ?? true)) return JSON.stringify(char).slice(1, -1)
      return [...Array(char.length).keys()].map((unit) => `\\u${char.charCodeAt(unit).toString(16).padStart(4, '0')}`).join('')
    })
    .map((escape) => (upper ? escape.replace(/\\u(\w{4})/, (_m, hex: string) => `\\u${hex.toUpperCase()}`) : escape))
    .join('')
const base64 = (bytes: string, urlSafe: boolean, padded: boolean): string => {
  const encoded = Buffer.from(bytes, 'utf8').toString(urlSafe ? 'base64url' : 'base64')
  return padded ? encoded.padEnd(Math.ceil(encoded.length / 4) * 4, '=') : encoded.replace(/=+$/, '')
}
const echoes: Record<string, Echo> = {
  raw: (p, b, a) => `${b}${p}${a}`,
  'URL-encoded (upper hex)': (p, b, a) => `${b}${encodeURIComponent(p)}${a}`,
  'URL-encoded (lower hex)': (p, b, a) => `${b}${lowerHex(encodeURIComponent(p))}${a}`,
  'form-encoded': (p, b, a) => `${b}${new URLSearchParams({ k: p }).toString().slice(2)}${a}`,
  'JSON string with \\/': (p, b, a) => JSON.stringify(`${b}${p}${a}`).replace(/\//g, '\\/'),
  'JSON \\uXXXX for every character': (p, b, a) => `${b}${jsonUnicode(p, [true])}${a}`,
  'JSON \\uXXXX for some characters': (p, b, a, mask) => `${b}${jsonUnicode(p, mask)}${a}`,
  'JSON \\uXXXX, upper-case hex': (p, b, a, mask) => `${b}${jsonUnicode(p, mask, true)}${a}`,
  'HTML-escaped': (p, b, a) => `${b}${p.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\//g, '&#x2F;')}${a}`,
  'base64 of the key alone': (p, b, a) => `${b}${base64(p, false, true)}${a}`,
  'base64 of a blob holding the key': (p, b, a) => base64(`${b}${p}${a}`, false, true),
  'base64 unpadded': (p, b, a) => base64(`${b}${p}${a}`, false, false),
  'base64url of a blob holding the key': (p, b, a) => base64(`${b}${p}${a}`, true, false),
  'base64url padded': (p, b, a) => base64(`${b}${p}${a}`, true, true),
  'base64 in a JSON string with \\/': (p, b, a) => JSON.stringify(base64(`${b}${p}${a}`, false, true)).replace(/\//g, '\\/')
}

/**
 * Everything that must not survive for a key: for every prefix of at least 8 characters, its raw,
 * URL-, form-, JSON-encoded forms, and the base64 characters that carry only its bits at each of
 * the three byte alignments (standard and url-safe alphabet).
 */
function forbidden(key: string): string[] {
  const chars = [...key]
  const out = new Set<string>()
  for (let n = MIN_SECRET_PREFIX; n <= chars.length; n++) {
    const prefix = chars.slice(0, n).join('')
    const encoded = encodeURIComponent(prefix)
    out.add(prefix).add(encoded).add(lowerHex(encoded)).add(new URLSearchParams({ k: prefix }).toString().slice(2))
    out.add(JSON.stringify(prefix).slice(1, -1)).add(JSON.stringify(prefix).slice(1, -1).replace(/\//g, '\\/')).add(jsonUnicode(prefix, [true]))
    const bytes = Buffer.from(prefix, 'utf8')
    for (const offset of [0, 1, 2]) {
      const blob = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
      const stable = blob.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6))
      out.add(stable).add(stable.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  return [...out]
}

function leaks(output: string, key: string): string[] {
  return forbidden(key).filter((form) => output.includes(form))
}

describe('Redactor — the key never survives, in any encoding, whole or cut short', () => {
  for (const [name, echo] of Object.entries(echoes)) {
    it(`${name}: whole key and every prefix of 8+ characters, inside surrounding text`, () => {
      fc.assert(
        fc.property(keyArb, fc.nat(), textArb, textArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (key, cut, before, after, mask) => {
          const chars = [...key]
          const length = MIN_SECRET_PREFIX + (cut % (chars.length - MIN_SECRET_PREFIX + 1))
          const piece = chars.slice(0, length).join('')
          const output = new Redactor([key]).redact(echo(piece, before, after, mask))
          expect(leaks(output, key)).toEqual([])
        }),
        { numRuns: 150 }
      )
    })
  }

  it('every echo at once, two secrets in use (a key and a management key)', () => {
    fc.assert(
      fc.property(keyArb, keyArb, textArb, (key, management, filler) => {
        const text = Object.values(echoes)
          .flatMap((echo) => [echo(key, filler, filler, [true, false]), echo(management, filler, '', [false, true])])
          .join(' | ')
        const output = new Redactor([key, management]).redact(text)
        expect(leaks(output, key)).toEqual([])
        expect(leaks(output, management)).toEqual([])
      }),
      { numRuns: 100 }
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(keyArb, textArb, (key, filler) => {
        const redactor = new Redactor([key])
        const once = redactor.redact(`${filler}${key}${filler}${encodeURIComponent(key)}`)
        expect(redactor.redact(once)).toBe(once)
      })
    )
  })
})

describe('Redactor — examples', () => {
  const KEY = 'sk-canary-AAAA1111/BBBB2222'
  const redactor = new Redactor([KEY])

  it.each([
    ['raw', `Bearer ${KEY}`, `Bearer ${REDACTED}`],
    ['URL-encoded', 'key=sk-canary-AAAA1111%2FBBBB2222&x=1', `key=${REDACTED}&x=1`],
    ['lower-case hex', 'key=sk-canary-AAAA1111%2fBBBB2222', `key=${REDACTED}`],
    ['JSON \\/', '{"k":"sk-canary-AAAA1111\\/BBBB2222"}', `{"k":"${REDACTED}"}`],
    ['JSON \\u on the first character', '"\\u0073k-canary-AAAA1111\\u002FBBBB2222"', `"${REDACTED}"`],
    ['cut to 20 characters', `key “${KEY.slice(0, 20)}…”`, `key “${REDACTED}…”`],
    ['cut to 8 characters', `(${KEY.slice(0, 8)})`, `(${REDACTED})`],
    ['a false start before the key', `sk-canary-A${KEY}`, REDACTED]
  ])('%s', (_name, text, expected) => {
    expect(redactor.redact(text)).toBe(expected)
  })

  it('base64 of a header holding the key: only the characters that mix in other bytes stay', () => {
    const output = redactor.redact(Buffer.from(`Authorization: Bearer ${KEY}`).toString('base64'))
    expect(output).toMatch(/^QXV0aG9yaXphdGlvbjogQmVhcmVy\w{0,2}\[redacted\]\w{0,3}=*$/)
  })

  it('leaves 7 leading characters, other text and other keys alone', () => {
    const text = '{"data":{"total_credits":12.5,"model":"gpt-4o-mini"},"hint":"sk-cana…2222","other":"sk-or-v1-abc"}'
    expect(redactor.redact(text)).toBe(text)
  })

  it('finds the key when one encoding of a character is the start of another (% and %25)', () => {
    const percent = new Redactor(['pct%25key-0123456789'])
    expect(percent.redact('a pct%2525key-0123456789 b')).toBe(`a ${REDACTED} b`)
    expect(percent.redact('a pct%25key-0123456789 b')).toBe(`a ${REDACTED} b`)
  })

  it('ignores secrets too short to redact, and redacts keys of 4–7 characters only whole', () => {
    expect(new Redactor(['abc']).redact('abc abc')).toBe('abc abc')
    expect(new Redactor(['k3y!x']).redact('k3y! k3y!x k3y%21x')).toBe(`k3y! ${REDACTED} ${REDACTED}`)
  })

  it('learns secrets as they are read, and redacts every string of a nested value', () => {
    const later = new Redactor([null, undefined, ''])
    later.add('sk-or-v1-management-0123')
    const value = { spend: [{ item: 'model sk-or-v1-management-0123', amountMicros: 5 }], note: null, day: '2026-11-01' }
    expect(later.redactDeep(value)).toEqual({ spend: [{ item: `model ${REDACTED}`, amountMicros: 5 }], note: null, day: '2026-11-01' })
  })
})
