#!/usr/bin/env node
// Reads the Electron fuses of a packaged Coffer (the release workflow runs this on every artifact)
// and fails unless each one is as electron-builder.json's `electronFuses` sets it. Fuses are flipped
// at package time, so only a built binary can be checked (perf-security.md B2, check S8).
//   node scripts/check-release-fuses.mjs <path to the packaged Electron executable>
// The executable: release/linux-unpacked/coffer-desktop, release/mac-universal/Coffer.app,
// release/win-unpacked/Coffer.exe. Uses @electron/fuses (what `npx @electron/fuses read --app` runs).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { FuseState, FuseV1Options, getCurrentFuseWire } = require('@electron/fuses')

// electron-builder's option names → @electron/fuses' wire positions.
const POSITIONS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges
}

const app = process.argv[2]
if (!app) {
  console.error('Usage: node scripts/check-release-fuses.mjs <packaged Electron executable or .app>')
  process.exit(2)
}
const wanted = JSON.parse(readFileSync(new URL('../electron-builder.json', import.meta.url), 'utf8')).electronFuses
const wire = await getCurrentFuseWire(app)
const problems = []
for (const [option, position] of Object.entries(POSITIONS)) {
  if (typeof wanted[option] !== 'boolean') continue
  const expected = wanted[option] ? FuseState.ENABLE : FuseState.DISABLE
  const actual = wire[position]
  console.log(`${option.padEnd(40)} ${actual === FuseState.ENABLE ? 'on' : actual === FuseState.DISABLE ? 'off' : `state ${actual}`}`)
  if (actual !== expected) problems.push(`${option} should be ${wanted[option] ? 'on' : 'off'}`)
}
if (problems.length > 0) {
  console.error(`Fuses of ${app} differ from electron-builder.json: ${problems.join('; ')}`)
  process.exit(1)
}
console.log(`Fuses of ${app} match electron-builder.json.`)
