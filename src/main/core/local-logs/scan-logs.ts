import { createHash } from 'node:crypto'
import type { Dirent } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isBlankLine, looksLikeJsonObject, readLines } from './line-reader'
import type { FileMark, LocalLogStore } from './local-log-store'
import type { LineResult, UsageEvent } from './usage-event'

/** How many first bytes of a file identify it (a rotated or rewritten file starts differently). */
const HEAD_BYTES = 4096
/** Lines handled per transaction: memory stays flat however large the folder (issue 12.6). */
const EVENTS_PER_COMMIT = 2000
const BYTES_PER_COMMIT = 16 * 1024 * 1024

/** Reads one file's lines for one agent; its state can be saved and restored between polls. */
export interface FileParser {
  /** One parsed JSON object line. */
  line(value: Record<string, unknown>): LineResult[]
  /** At the end of the file: turns held back that can now be decided. */
  flush(fileModifiedMs: number): LineResult[]
  /** The state to resume from (JSON). */
  state(): string
}

/** One coding agent's log format. */
export interface LogFormat {
  /** Whether a file name is one of the agent's logs. */
  isLogFile(name: string): boolean
  /** A line containing none of these bytes holds nothing Coffer reads and is not parsed. */
  markers: readonly Buffer[]
  /** A parser for one file, fresh (`null`) or resumed from a saved state. */
  parser(state: string | null): FileParser
}

/** What one scan did. */
export interface ScanSummary {
  /** Log files found. */
  files: number
  /** Files that had new lines. */
  filesRead: number
  bytesRead: number
  /** Requests counted for the first time. */
  counted: number
  /** Copies of requests already counted. */
  duplicates: number
  /** Lines that were not readable JSON or held broken token counts: skipped. */
  garbage: number
  /** Files read again from their start because they were truncated or replaced. */
  restarted: number
  /** Folders that exist. */
  foundDirs: string[]
}

/**
 * Reads the new lines of every log file under `dirs` into the ledger. A file is read from where
 * the last scan stopped; a file shorter than that offset, or whose first bytes changed, was
 * truncated or rotated and is read again from its start — its requests are recognised by their
 * keys, so nothing is counted twice.
 */
export async function scanLogs(store: LocalLogStore, dirs: readonly string[], format: LogFormat, now: () => Date): Promise<ScanSummary> {
  const summary: ScanSummary = { files: 0, filesRead: 0, bytesRead: 0, counted: 0, duplicates: 0, garbage: 0, restarted: 0, foundDirs: [] }
  const marks = store.files()
  const paths: string[] = []
  for (const dir of dirs) {
    if (await isDirectory(dir)) {
      summary.foundDirs.push(dir)
      await collect(dir, format, paths)
    }
  }
  // Sorted: rollout names start with their time, so a parent session is read before its forks.
  paths.sort()
  summary.files = paths.length
  for (const path of paths) await scanFile(store, path, marks.get(path), format, now, summary)
  return summary
}

async function scanFile(store: LocalLogStore, path: string, mark: FileMark | undefined, format: LogFormat, now: () => Date, summary: ScanSummary): Promise<void> {
  let info
  try {
    info = await stat(path)
  } catch {
    return // Removed since it was listed.
  }
  const size = info.size
  const parserState = mark ? format.parser(mark.stateJson) : null
  const holdsTurn = parserState !== null && parserState.flush(Number.MAX_SAFE_INTEGER).length > 0
  if (mark && size === mark.offset && size === mark.size && !holdsTurn) return
  const head = await readHead(path, Math.min(size, HEAD_BYTES))
  let start = 0
  let restart = false
  if (mark) {
    const sameHead = size >= mark.headLength && hash(head.subarray(0, mark.headLength)) === mark.headHash
    if (size < mark.offset || !sameHead) {
      restart = true
      summary.restarted += 1
    } else start = mark.offset
  }
  const parser = format.parser(restart || !mark ? null : mark.stateJson)
  const base = { path, size, headLength: head.length, headHash: hash(head) }
  let events: UsageEvent[] = []
  let garbage = 0
  let offset = start
  let pendingBytes = 0
  let firstCommit = true
  const commit = (): void => {
    const counts = store.commit({ ...base, offset, stateJson: parser.state() }, events, garbage, restart && firstCommit, now().toISOString())
    summary.counted += counts.counted
    summary.duplicates += counts.duplicates
    summary.garbage += garbage
    firstCommit = false
    events = []
    garbage = 0
    pendingBytes = 0
  }
  const take = (results: readonly LineResult[]): void => {
    for (const result of results) {
      if (result.kind === 'event') events.push(result.event)
      else if (result.kind === 'garbage') garbage += 1
    }
  }
  for await (const line of readLines(path, start)) {
    summary.bytesRead += line.end - offset
    pendingBytes += line.end - offset
    offset = line.end
    if (line.oversized) garbage += 1
    else if (!isBlankLine(line.bytes)) take(parseLine(line.bytes, format, parser))
    if (events.length >= EVENTS_PER_COMMIT || pendingBytes >= BYTES_PER_COMMIT) commit()
  }
  take(parser.flush(info.mtimeMs))
  if (offset > start || restart || !mark) summary.filesRead += 1
  commit()
}

function parseLine(bytes: Buffer, format: LogFormat, parser: FileParser): readonly LineResult[] {
  const relevant = format.markers.some((marker) => bytes.includes(marker))
  if (!relevant) {
    // Not parsed (most lines are prompts, answers and tool output Coffer never reads), but a line
    // that is not even shaped like a JSON object is counted as unreadable.
    return looksLikeJsonObject(bytes) ? [] : [{ kind: 'garbage' }]
  }
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    return [{ kind: 'garbage' }]
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ kind: 'garbage' }]
  return parser.line(value as Record<string, unknown>)
}

async function collect(dir: string, format: LogFormat, into: string[]): Promise<void> {
  let entries: Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return // Unreadable or removed meanwhile: the rest of the tree is still read.
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    // Symbolic links are not followed: a link back up the tree would loop.
    if (entry.isDirectory()) await collect(path, format, into)
    else if (entry.isFile() && format.isLogFile(entry.name)) into.push(path)
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
