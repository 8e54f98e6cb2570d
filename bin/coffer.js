#!/usr/bin/env node
// The `coffer` command. Runs the built CLI (out/main/cli.js, from `npm run build`); in a source
// checkout without a build it runs the TypeScript directly through tsx.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const built = new URL('../out/main/cli.js', import.meta.url)
if (existsSync(fileURLToPath(built))) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../src/main/cli/main.ts', import.meta.url).href)
}
