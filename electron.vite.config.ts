import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { rendererCspForMeta } from './src/shared/http-protocol'

/** Writes the one CSP (src/shared/http-protocol.ts) into index.html's meta tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'coffer-csp',
    transformIndexHtml: (html, context) => html.replace('%COFFER_CSP%', rendererCspForMeta(Boolean(context.server)))
  }
}

const isShared = (file: string): boolean => /[\\/]src[\\/]shared[\\/]/.test(file)

const zodNeeds = new Map<string, boolean>()

/**
 * True when a shared module needs zod at run time: it is one of the contract's schema files, or
 * imports zod, or (transitively) a shared module that does.
 */
function needsZod(file: string): boolean {
  const known = zodNeeds.get(file)
  if (known !== undefined) return known
  zodNeeds.set(file, false) // an import cycle ends here
  let needs = /[\\/]contract[\\/](?!names\.ts)/.test(file)
  if (!needs && existsSync(file)) {
    for (const [, from] of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
      if (from === 'zod') needs = true
      else if (from?.startsWith('.')) needs = needsZod(resolve(dirname(file), `${from}.ts`))
      if (needs) break
    }
  }
  zodNeeds.set(file, needs)
  return needs
}

/**
 * Three builds from one file (electron-vite): main (Electron shell + the `coffer` CLI, both plain
 * Node bundles with dependencies left external, zod aside), preload (CommonJS, because sandboxed preloads
 * cannot be ES modules) and the React renderer.
 */
export default defineConfig({
  main: {
    build: {
      // Bundled rather than loaded from node_modules: zod's package entry imports all 64 of its
      // locale modules, which Node would compile on every `coffer` start; bundled, the unused ones
      // are dropped (CLI start-up, issue 10). Native modules and the rest stay external.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/main.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        output: {
          // zod and the contract's schemas in a chunk of their own, and the rest of src/shared in
          // another: otherwise the bundler puts the small helpers the first paint needs (money,
          // units, the event names) in the schemas' chunk, and the page loads zod before it can
          // paint (issue 10.5). Forms and event checks load the schemas later.
          codeSplitting: {
            groups: [
              // Taken first: a helper the schemas use (money, units) must not follow them into their chunk.
              { name: 'shared', test: (id: string) => isShared(id) && !needsZod(id), priority: 2 },
              { name: 'contract', test: (id: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(id) || (isShared(id) && needsZod(id)), priority: 1 }
            ]
          }
        }
      }
    },
    plugins: [react(), contentSecurityPolicy()]
  }
})
