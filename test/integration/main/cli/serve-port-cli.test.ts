import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/program'
import type { CliIo } from '../../../../src/main/cli/cli-io'
import { useTempDir } from '../../../helpers/temp-dir'

/** The CLI in-process with captured output; these runs stop at argument checks, before any server starts. */
async function coffer(home: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    readStdin: async () => '',
    stdinIsTty: false,
    env: {}
  }
  const code = await runCli(['--home', home, ...args], io)
  return { code, out, err }
}

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
