import { describe, expect, it } from 'vitest'
import { businessError, count } from '../../../../../src/main/core/providers/parse'
import { badResponse, finishFaultMessage, quote } from '../../../../../src/main/core/providers/provider-fault'
import { Redactor } from '../../../../../src/main/core/providers/redactor'

const KEY = 'sk-canary-AAAA1111/BBBB2222'
const redactor = new Redactor([KEY])
const finish = (message: string): string => finishFaultMessage(message, (text) => redactor.redact(text))

function thrown(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    return error as Error
  }
  throw new Error('did not throw')
}

describe('quote + finishFaultMessage — provider text is cut only after the key is gone', () => {
  it('a quoted key cut to 20 characters leaves no piece of it', () => {
    const message = finish(`bad value (${quote(`${KEY} and more words after it`, 20)})`)
    expect(message).toBe('bad value ([redacted] and more…)')
    expect(message).not.toContain(KEY.slice(0, 8))
  })

  it('cuts long provider text at a word when one is near the end, else hard, and marks the cut', () => {
    expect(finish(quote('one two three four five six', 14))).toBe('one two three…')
    expect(finish(quote('x'.repeat(50), 10))).toBe(`${'x'.repeat(10)}…`)
    expect(finish(`(${quote('short', 40)})`)).toBe('(short)')
  })

  it("the provider's own marker characters cannot split the key or steer the cut", () => {
    const hostile = `${KEY.slice(0, 12)}\uE002${KEY.slice(12)}\uE0001\uE001`
    const message = finish(`said “${quote(hostile, 200)}”`)
    expect(message).toBe('said “[redacted]1”')
  })

  it('count(): an echoed key where a token count belongs', () => {
    const message = finish(thrown(() => count(KEY, 'prompt_tokens')).message)
    expect(message).toMatch(/prompt_tokens is not a whole number \("\[redacted\]"\)/)
    expect(message).not.toContain(KEY.slice(0, 8))
  })

  it('businessError(): the code and the message, URL-encoded or JSON-escaped', () => {
    const fault = businessError('Relay', encodeURIComponent(KEY), `no credit for ${JSON.stringify(KEY).replace(/\//g, '\\/')}, try again`)
    const message = finish(fault.message)
    expect(message).toBe('Relay answered with an error (code "[redacted]"). The provider said: “no credit for "[redacted]", try again”')
  })

  it('badResponse() with a quoted date', () => {
    const message = finish(badResponse('bad_date', `date is not a day (${quote(Buffer.from(KEY).toString('base64'), 30)})`).message)
    expect(message).toContain('[redacted]')
    expect(message).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 10))
  })
})
