import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The built renderer (out/renderer). Bundled, this module lives in out/main, next to it; run from
 * source (src/main/web through tsx) it is found by walking up to the project's out/ folder. The
 * source folder src/renderer is never served: it is not built.
 */
export function rendererDir(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl))
  if (basename(here) === 'main' && basename(dirname(here)) === 'out') return join(dirname(here), 'renderer')
  for (let dir = here, depth = 0; depth < 6; dir = dirname(dir), depth += 1) {
    const candidate = join(dir, 'out', 'renderer')
    if (existsSync(join(candidate, 'index.html'))) return candidate
  }
  return join(process.cwd(), 'out', 'renderer')
}
