import { processIo } from './cli-io'
import { runCli } from './program'

// Entry point of the `coffer` command (bin/coffer.js loads the built copy of this file).
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
