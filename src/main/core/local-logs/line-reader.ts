import { open } from 'node:fs/promises'

/** How much of a file one read takes: big enough for few system calls, small enough to keep memory flat. */
const READ_BYTES = 1024 * 1024
/**
 * A line longer than this is not a log record Coffer needs (Claude Code writes whole tool outputs
 * into its lines, but usage lines stay far below): it is skipped as unreadable instead of being
 * held in memory, so a pathological file cannot grow the reader without bound.
 */
export const MAX_LINE_BYTES = 32 * 1024 * 1024

/** One complete line: its bytes (without the newline) and the file offset just after its newline. */
export interface RawLine {
  bytes: Buffer
  /** Byte offset of the next line: where reading resumes once this line is handled. */
  end: number
  /** True when the line was longer than {@link MAX_LINE_BYTES} and its bytes were dropped. */
  oversized: boolean
}

/**
 * Reads the complete lines of `path` from byte `offset` on. A last line without its newline is
 * not returned: the agent may still be writing it, and the next read resumes at its start.
 */
export async function* readLines(path: string, offset: number): AsyncGenerator<RawLine> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES)
    let position = offset
    let carry: Buffer[] = []
    let carryBytes = 0
    let oversized = false
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, position)
      if (bytesRead === 0) return
      const chunkStart = position
      position += bytesRead
      let lineStart = 0
      for (;;) {
        const newline = buffer.indexOf(10, lineStart)
        if (newline === -1 || newline >= bytesRead) break
        const end = chunkStart + newline + 1
        if (oversized) {
          yield { bytes: Buffer.alloc(0), end, oversized: true }
        } else if (carryBytes > 0) {
          // Copied: `buffer` is reused by the next read.
          const bytes = Buffer.concat([...carry, buffer.subarray(lineStart, newline)])
          yield { bytes, end, oversized: false }
        } else {
          yield { bytes: Buffer.from(buffer.subarray(lineStart, newline)), end, oversized: false }
        }
        carry = []
        carryBytes = 0
        oversized = false
        lineStart = newline + 1
      }
      if (lineStart < bytesRead && !oversized) {
        carry.push(Buffer.from(buffer.subarray(lineStart, bytesRead)))
        carryBytes += bytesRead - lineStart
        if (carryBytes > MAX_LINE_BYTES) {
          carry = []
          carryBytes = 0
          oversized = true
        }
      }
    }
  } finally {
    await handle.close()
  }
}

/**
 * Whether a line looks like one JSON object (first and last non-blank bytes are braces). A line
 * that does not is unreadable; one that does is parsed only when it may hold what Coffer reads.
 */
export function looksLikeJsonObject(bytes: Buffer): boolean {
  let first = 0
  while (first < bytes.length && isBlank(bytes[first] as number)) first += 1
  let last = bytes.length - 1
  while (last >= first && isBlank(bytes[last] as number)) last -= 1
  return last > first && bytes[first] === 0x7b && bytes[last] === 0x7d
}

/** True for a line with nothing but blanks (skipped, never unreadable). */
export function isBlankLine(bytes: Buffer): boolean {
  for (const byte of bytes) if (!isBlank(byte)) return false
  return true
}

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d
}
