import { resolve } from 'node:path'
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
          // zod and the contract's schemas in a chunk of their own: otherwise the bundler merges the
          // small helpers the first paint needs (money, units) into the schemas' chunk, and the page
          // loads zod before it can paint (issue 10.5). Forms and event checks load it later.
          manualChunks: (id: string) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]shared[\\/]contract[\\/]/.test(id) ? 'contract' : undefined)
        }
      }
    },
    plugins: [react(), contentSecurityPolicy()]
  }
})
