#!/usr/bin/env node
// The `coffer` command. Runs the built CLI (out/main/cli.js, from `npm run build`); in a source
// checkout without a build it runs the TypeScript directly through tsx.
import { existsSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { fileURLToPath } from 'node:url'

// V8's code cache on disk (Node >= 22.1): later starts skip compiling the CLI bundle and its
// dependencies, most of a short command's time (issue 10: `coffer status` under 150 ms).
enableCompileCache?.()

const built = new URL('../out/main/cli.js', import.meta.url)
if (existsSync(fileURLToPath(built))) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../src/main/cli/main.ts', import.meta.url).href)
}
