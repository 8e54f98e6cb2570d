// Draws Coffer's icons (a coin with a keyhole) as PNG files, with no dependencies beyond Node.
// Run from the repository root: `node resources/generate-icons.mjs`. See resources/README.md.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const out = dirname(fileURLToPath(import.meta.url))

/** Colours as [r, g, b]: face, rim, keyhole. */
const palettes = {
  ok: { face: [46, 160, 103], rim: [24, 110, 68], hole: [255, 255, 255] },
  warning: { face: [232, 163, 23], rim: [176, 112, 6], hole: [255, 255, 255] },
  critical: { face: [214, 64, 56], rim: [150, 36, 30], hole: [255, 255, 255] },
  app: { face: [240, 185, 52], rim: [184, 128, 20], hole: [58, 42, 12] }
}

/** Signed distances (negative inside), in units of the icon's size (0..1). */
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r
function keyhole(x, y) {
  const head = circle(x, y, 0.5, 0.42, 0.11)
  // A trapezoid stem under the head, wider at the bottom.
  const t = Math.min(Math.max((y - 0.42) / 0.3, 0), 1)
  const halfWidth = 0.045 + 0.04 * t
  const stem = Math.max(Math.abs(x - 0.5) - halfWidth, y - 0.72, 0.45 - y)
  return Math.min(head, stem)
}

/** Colour of one sample point, or null outside the coin. */
function sample(x, y, palette) {
  const outer = circle(x, y, 0.5, 0.5, 0.47)
  if (outer > 0) return null
  if (keyhole(x, y) < 0) return palette.hole
  return outer > -0.07 ? palette.rim : palette.face
}

/** Renders a size×size RGBA image with 4×4 supersampling per pixel. */
function render(size, palette) {
  const pixels = Buffer.alloc(size * size * 4)
  const n = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, palette)
          if (!colour) continue
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1
        }
      }
      const offset = (py * size + px) * 4
      if (a > 0) {
        pixels[offset] = Math.round(r / a)
        pixels[offset + 1] = Math.round(g / a)
        pixels[offset + 2] = Math.round(b / a)
        pixels[offset + 3] = Math.round((255 * a) / (n * n))
      }
    }
  }
  return encodePng(size, size, pixels)
}

const crcTable = Array.from({ length: 256 }, (_, i) => {
  let c = i
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

for (const state of ['ok', 'warning', 'critical']) {
  writeFileSync(join(out, `tray-${state}.png`), render(16, palettes[state]))
  writeFileSync(join(out, `tray-${state}@2x.png`), render(32, palettes[state]))
}
writeFileSync(join(out, 'icon.png'), render(512, palettes.app))
console.log(`Icons written to ${out}`)
