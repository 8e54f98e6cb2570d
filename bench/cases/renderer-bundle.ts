import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Size of the built renderer, gzipped: what a window loads before its first paint (the files
 * index.html references: entry script, module preloads, stylesheet) and everything including the
 * chunks loaded later (pages, charts).
 */
export async function benchRendererBundle(): Promise<Record<string, unknown>> {
  const root = join(import.meta.dirname, '..', '..', 'out', 'renderer')
  if (!existsSync(join(root, 'index.html'))) return { rendererBundleKb: null, note: 'out/renderer missing: run `npm run build` first' }
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((match) => match[1] as string))
  let initialGzip = 0
  let allGzip = 0
  for (const file of readdirSync(join(root, 'assets')).filter((name) => /\.(js|css)$/.test(name))) {
    const size = gzipSync(readFileSync(join(root, 'assets', file))).length
    allGzip += size
    if (initial.has(file)) initialGzip += size
  }
  return { rendererGzipKb: { beforeFirstPaint: Math.round(initialGzip / 1024), all: Math.round(allGzip / 1024) } }
}
