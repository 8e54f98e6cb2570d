import { describe, expect, it } from 'vitest'
import { runCliInProcess } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'

const coffer = runCliInProcess

describe('coffer serve --port', () => {
  const dir = useTempDir()

  it('refuses anything but a plain port number 0–65535 (no hex, exponents, decimals, blanks)', async () => {
    for (const port of ['', ' ', '1e3', '0x50', '80.0', ' 80', '-1', '65536', 'eighty']) {
      const result = await coffer(dir(), 'serve', '--port', port)
      expect(result.code, `--port "${port}"`).toBe(2)
      expect(result.out).toBe('')
      expect(result.err).toContain(`--port expects 0–65535, got "${port}".`)
    }
  })
})
