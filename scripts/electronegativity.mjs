#!/usr/bin/env node
// Runs Doyensec's Electronegativity (static analysis of Electron code, no Electron binary needed)
// over the desktop shell, the main entry and the preload, and prints one JSON object on stdout:
//   { files: [...], errors: [...], issues: [{ id, file, line, column, severity, confidence, manualReview, description, url }] }
// test/unit/main/shell/electronegativity.test.ts reads it and compares the findings with
// docs/security/electronegativity-accepted.json. Programmatic use: the package's README,
// "Programmatically" (https://github.com/doyensec/electronegativity#programmatically).
//
//   node scripts/electronegativity.mjs
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import run from '@doyensec/electronegativity'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
/** What is scanned: everything that runs in Electron's main process around the window, and the preload. */
const SCANNED = ['src/main/shell', 'src/main/index.ts', 'src/preload']

// The package asks its translation server for the current locale with `got` and a 1 s timeout; with
// no network, got's retry timer then throws "The `onCancel` handler was attached after the promise
// settled" from p-cancelable, outside any promise. The scan itself has finished or is unaffected
// (it falls back to the bundled English texts), so that one error is ignored; any other still fails.
process.on('uncaughtException', (error) => {
  if (String(error && error.message).includes('`onCancel` handler was attached after the promise settled')) return
  process.stderr.write(`electronegativity: ${error && error.stack}\n`)
  process.exit(1)
})

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

async function main() {
  // The package talks on console.log (a translation notice); stdout carries only the JSON result.
  console.log = (...args) => console.error(...args)
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
  // One folder holding only the scanned sources (at their repo paths), so the global checks see them together.
  const input = mkdtempSync(join(tmpdir(), 'coffer-electronegativity-'))
  try {
    for (const path of SCANNED) cpSync(join(root, path), join(input, path), { recursive: true })
    const result = await run({
      input,
      isRelative: true,
      // The installed Electron, not a guess from a package.json the scan does not see.
      electronVersionOverride: electronVersion,
      // Asks GitHub for Electron's release notes: needs the network, and judges the Electron version
      // (kept current in package.json), not this code.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: []
    })
    const issues = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: issue.manualReview,
      description: issue.description,
      url: issue.shortenedURL
    }))
    const files = listFiles(input).map((path) => relative(input, path)).sort()
    process.stdout.write(`${JSON.stringify({ electronVersion, files, checks: result.globalChecks + result.atomicChecks, errors: result.errors, issues }, null, 2)}\n`)
  } finally {
    rmSync(input, { recursive: true, force: true })
  }
  process.exit(0)
}

main().catch((error) => {
  process.stderr.write(`electronegativity: ${error && error.stack}\n`)
  process.exit(1)
})
