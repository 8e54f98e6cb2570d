import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The built renderer (out/renderer), found from this module's location whether it runs from
 * source (src/main/web, via tsx) or bundled (out/main).
 */
export function rendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = join(dir, 'out', 'renderer')
    if (existsSync(join(candidate, 'index.html'))) return candidate
    const sibling = join(dir, 'renderer')
    if (existsSync(join(sibling, 'index.html'))) return sibling
    dir = dirname(dir)
  }
  return join(process.cwd(), 'out', 'renderer')
}
