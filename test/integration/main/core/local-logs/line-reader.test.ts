import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLines, type RawLine } from '../../../../../src/main/core/local-logs/line-reader'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('coffer-line-reader-')

async function all(path: string, offset = 0): Promise<RawLine[]> {
  const lines: RawLine[] = []
  for await (const line of readLines(path, offset)) lines.push(line)
  return lines
}

describe('reading complete lines from an offset', () => {
  it('joins lines that span several 1 MiB reads, leaves a last line without newline unread, and resumes at an offset', async () => {
    const path = join(tempDir(), 'log.jsonl')
    const long = `{"text":"${'z'.repeat(3 * 1024 * 1024)}"}`
    await writeFile(path, `{"a":1}\n${long}\n{"b":2}\n{"partial":`)
    const lines = await all(path)
    expect(lines.map((line) => line.bytes.length)).toEqual([7, long.length, 7])
    expect(lines[1]?.bytes.toString()).toBe(long)
    const ends = lines.map((line) => line.end)
    expect(ends).toEqual([8, 8 + long.length + 1, 8 + long.length + 1 + 8])
    const resumed = await all(path, ends[1])
    expect(resumed.map((line) => line.bytes.toString())).toEqual(['{"b":2}'])
  })

  it('drops a line longer than 32 MiB without holding it, and carries on after it', async () => {
    const path = join(tempDir(), 'huge.jsonl')
    await writeFile(path, `${'y'.repeat(33 * 1024 * 1024)}\n{"ok":true}\n`)
    const lines = await all(path)
    expect(lines.map((line) => [line.oversized, line.bytes.toString()])).toEqual([
      [true, ''],
      [false, '{"ok":true}']
    ])
  })
})
