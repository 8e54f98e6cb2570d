import type { CliIo } from '../../src/main/cli/cli-io'
import { runCli } from '../../src/main/cli/program'

/** What one in-process CLI run printed, and its exit code. */
export interface CliRun {
  code: number
  out: string
  err: string
}

/**
 * Runs `coffer --home HOME …args` in this process with captured output and an empty stdin: for
 * commands that never read a key (record, export, argument checks). Key-reading commands run as
 * a real subprocess instead (run-coffer.ts), with a real keychain.
 */
export async function runCliInProcess(home: string, ...args: string[]): Promise<CliRun> {
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
