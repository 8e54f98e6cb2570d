import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

/** A file of the built renderer, or `null` when the path is unknown or escapes the folder. */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<{ body: Buffer; contentType: string } | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  // resolve() also drops a trailing slash of rootDir, which would otherwise fail every check below.
  const root = resolve(rootDir)
  const full = resolve(root, relative)
  // Path traversal guard: `..` or an absolute path must not leave the renderer folder.
  if (!full.startsWith(root + sep) || relative.includes('\0')) return null
  try {
    return { body: await readFile(full), contentType: contentTypes[extname(full)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
