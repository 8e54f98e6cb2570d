import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

/**
 * A sandboxed preload can `require` only a handful of modules ('electron' among them) and runs on
 * every window start, so it must bundle to a few kB of our own code: no zod, no node_modules.
 * This bundles src/preload/index.ts the way electron-vite does (CommonJS, electron external).
 */
describe('the preload bundle', () => {
  it('contains only Coffer’s own code and requires nothing but electron', async () => {
    const result = await build({
      entryPoints: [new URL('../../../src/preload/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      metafile: true,
      logLevel: 'silent'
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([])
    expect(inputs.map((path) => path.replace(/^.*?src\//, 'src/')).sort()).toEqual([
      'src/preload/bridge-api.ts',
      'src/preload/index.ts',
      'src/shared/contract/names.ts'
    ])
    const code = result.outputFiles[0]?.text ?? ''
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/zod/i)
    expect(code.length).toBeLessThan(16_000)
  })
})
