/** Where the CLI writes and reads; injected so tests can run commands in-process. */
export interface CliIo {
  out: (text: string) => void
  /** Writes to standard output as it is, no line break added (streamed output); absent in tests that collect `out`. */
  write?: (text: string) => void
  err: (text: string) => void
  /** Reads standard input to the end (keys come only from here, never from arguments). */
  readStdin: () => Promise<string>
  stdinIsTty: boolean
  env: NodeJS.ProcessEnv
  /**
   * Replaces the one progress line on a terminal (`null` clears it). Absent when standard error is
   * not a terminal: a pipe or a log file gets no progress at all, only the results.
   */
  progress?: (line: string | null) => void
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    write: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(`${text}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    stdinIsTty: Boolean(process.stdin.isTTY),
    env: process.env,
    ...(process.stderr.isTTY ? { progress: terminalProgress(process.stderr) } : {})
  }
}

/**
 * One line on `stream`, rewritten in place (carriage return, erase line) and cut to the terminal's
 * width so it never wraps (a wrapped line could not be erased).
 */
function terminalProgress(stream: NodeJS.WriteStream): (line: string | null) => void {
  return (line) => {
    const width = Math.max(20, (stream.columns || 80) - 1)
    const chars = [...(line ?? '')]
    const shown = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : chars.join('')
    stream.write(`\r\u001b[2K${shown}`)
  }
}

/** Bad usage: printed with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/**
 * Ends a command with a particular exit code after it printed what it had to say (`coffer check`
 * exits 3 when an alert is open). Not an error: nothing more is printed.
 */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`)
    this.name = 'CommandExit'
  }
}

/** Exit code: the command did what it was asked. */
export const EXIT_OK = 0
/** Exit code: something failed inside Coffer (a bug, an unreadable ledger). */
export const EXIT_INTERNAL = 1
/** Exit code: bad usage or a refused request (UsageError; CofferError bad_request, not_found, conflict). */
export const EXIT_USAGE = 2
