import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..', 'out', 'renderer')
const built = existsSync(join(root, 'index.html'))
if (!built) console.warn('first-paint-bundle: SKIPPED — out/renderer is missing; `npm test` builds it first (npx electron-vite build).')

/** The scripts a window loads before its first paint: index.html's entry and module preloads. */
function firstPaintScripts(): { file: string; text: string }[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => ({ file: match[1] as string, text: readFileSync(join(root, 'assets', match[1] as string), 'utf8') }))
}

describe.skipIf(!built)('the renderer’s first paint (issue 10.5)', () => {
  it('loads no validation library and no charting library: forms, event checks and charts load later', () => {
    const scripts = firstPaintScripts()
    expect(scripts.length).toBeGreaterThan(0)
    // zod's error class and chart.js's registry name survive minification as strings and property names.
    expect(scripts.filter(({ text }) => /ZodError|\$ZodType/.test(text)).map(({ file }) => file)).toEqual([])
    expect(scripts.filter(({ text }) => /chart\.js|Chart\.register|registerables/.test(text)).map(({ file }) => file)).toEqual([])
  })

  it('the schemas still ship, in a chunk loaded later', () => {
    const first = new Set(firstPaintScripts().map(({ file }) => file))
    const later = readdirSync(join(root, 'assets')).filter((file) => file.endsWith('.js') && !first.has(file))
    expect(later.filter((file) => /ZodError/.test(readFileSync(join(root, 'assets', file), 'utf8')))).toHaveLength(1)
  })
})
