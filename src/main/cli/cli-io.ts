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
    env: process.env
  }
}

/** Bad usage: printed with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Exit code: the command did what it was asked. */
export const EXIT_OK = 0
/** Exit code: something failed inside Coffer (a bug, an unreadable ledger). */
export const EXIT_INTERNAL = 1
/** Exit code: bad usage or a refused request (UsageError; CofferError bad_request, not_found, conflict). */
export const EXIT_USAGE = 2
