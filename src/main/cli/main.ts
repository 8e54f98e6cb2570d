import { processIo } from './cli-io'
import { runCli } from './program'

// Entry point of the `coffer` command (bin/coffer.js loads the built copy of this file).
// `coffer status | head` closes the pipe early: stop quietly, as other command-line tools do,
// instead of printing a stack trace for the write that found it closed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})
const io = processIo()
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    io.err(`coffer: internal error: ${(error as Error).message}`)
    process.exitCode = 1
  }
)
