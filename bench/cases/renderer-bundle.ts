import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Size of the built renderer's JavaScript and CSS, raw and gzipped (what a window loads first). */
export async function benchRendererBundle(): Promise<Record<string, unknown>> {
  const assets = join(import.meta.dirname, '..', '..', 'out', 'renderer', 'assets')
  if (!existsSync(assets)) return { rendererBundle: null, note: 'out/renderer missing: run `npm run build` first' }
  let raw = 0
  let gzip = 0
  for (const file of readdirSync(assets).filter((name) => /\.(js|css)$/.test(name))) {
    const bytes = readFileSync(join(assets, file))
    raw += bytes.length
    gzip += gzipSync(bytes).length
  }
  return { rendererBundleKb: { raw: Math.round(raw / 1024), gzip: Math.round(gzip / 1024) } }
}
