import { mkdirSync, rmSync, writeFileSync, appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { benchCore } from '../fixtures'
import { round } from '../stats'

const MB = 1024 * 1024

/**
 * A Claude Code projects folder of about `megabytes` MB, shaped like real transcripts: user turns
 * carrying large tool output (never parsed), assistant turns written once per content block (the
 * same message id and request id repeated), 40 sessions per project.
 */
function writeClaudeFolder(root: string, megabytes: number): { files: number; requests: number } {
  const filler = 'x'.repeat(6000)
  const perFile = 1 * MB
  let files = 0
  let requests = 0
  let written = 0
  while (written < megabytes * MB) {
    const project = join(root, `-home-dev-project-${Math.floor(files / 40)}`)
    mkdirSync(project, { recursive: true })
    const lines: string[] = []
    let size = 0
    while (size < perFile) {
      requests += 1
      const at = new Date(Date.UTC(2026, 10, 1) + requests * 7_000).toISOString()
      const usage = `{"input_tokens":${requests % 97},"cache_creation_input_tokens":${requests % 1009},"cache_read_input_tokens":${requests % 20011},"output_tokens":${requests % 499}}`
      const user = `{"parentUuid":null,"isSidechain":false,"type":"user","message":{"role":"user","content":[{"type":"tool_result","content":"${filler}"}]},"uuid":"u${requests}","timestamp":"${at}"}`
      const assistant = (block: number): string =>
        `{"parentUuid":"u${requests}","isSidechain":false,"sessionId":"s${files}","version":"2.0.31","message":{"id":"msg_${requests}","type":"message","role":"assistant","model":"${requests % 3 ? 'claude-sonnet-4-5-20250929' : 'claude-opus-4-1-20250805'}","content":[{"type":"text","text":"block ${block} ${filler.slice(0, 1500)}"}],"usage":${usage}},"requestId":"req_${requests}","type":"assistant","uuid":"a${requests}-${block}","timestamp":"${at}"}`
      for (const line of [user, assistant(1), assistant(2)]) {
        lines.push(line)
        size += line.length + 1
      }
    }
    writeFileSync(join(project, `session-${files}.jsonl`), `${lines.join('\n')}\n`)
    written += size
    files += 1
  }
  return { files, requests }
}

async function scanOnce(core: ReturnType<typeof benchCore>, id: string): Promise<{ ms: number; peakHeapMb: number; peakRssMb: number; status: string }> {
  globalThis.gc?.()
  const baseHeap = process.memoryUsage().heapUsed
  const baseRss = process.memoryUsage().rss
  let peakHeap = baseHeap
  let peakRss = baseRss
  const sampler = setInterval(() => {
    const memory = process.memoryUsage()
    peakHeap = Math.max(peakHeap, memory.heapUsed)
    peakRss = Math.max(peakRss, memory.rss)
  }, 20)
  const started = performance.now()
  const [report] = await core.handlers['accounts:poll']({ ids: [id] })
  const ms = performance.now() - started
  clearInterval(sampler)
  return { ms: round(ms, 0), peakHeapMb: round((peakHeap - baseHeap) / MB, 1), peakRssMb: round((peakRss - baseRss) / MB, 1), status: report?.status ?? 'none' }
}

/**
 * Issue 12.6: a 200 MB Claude Code log folder read by the `claude-code` provider (first scan),
 * then a poll with nothing new (the idle cost: one stat per file), then 1 MB appended (the
 * incremental read). Memory is sampled during each scan: reads are 1 MB at a time and commits
 * 2,000 requests at a time, so the peak should stay flat whatever the folder's size (the 50 MB
 * folder is there to show it).
 */
export async function benchLocalLogs(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {}
  for (const megabytes of [50, 200]) {
    const root = mkdtempSync(join(tmpdir(), 'coffer-bench-claude-'))
    try {
      const generated = performance.now()
      const { files, requests } = writeClaudeFolder(root, megabytes)
      const generateMs = performance.now() - generated
      const core = benchCore()
      const account = await core.handlers['accounts:add']({ draft: { provider: 'claude-code', label: 'Bench', options: { dir: root }, pollIntervalMinutes: 15 } })
      const first = await scanOnce(core, account.id)
      const idle = await scanOnce(core, account.id)
      const last = join(root, '-home-dev-project-0', 'session-0.jsonl')
      for (let i = 0; i < 1000; i += 1) {
        appendFileSync(last, `{"type":"assistant","requestId":"req_new_${i}","timestamp":"2026-11-30T00:00:00.000Z","message":{"id":"msg_new_${i}","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"${'y'.repeat(1000)}"}],"usage":{"input_tokens":1,"output_tokens":1}}}\n`)
      }
      const appended = await scanOnce(core, account.id)
      const counted = core.context.db.prepare('SELECT SUM(requests) AS n FROM usage_lines WHERE account_id = ?').get(account.id) as { n: number }
      core.close()
      results[`${megabytes}MB`] = {
        files,
        requestsWritten: requests,
        requestsCounted: counted.n,
        generateMs: round(generateMs, 0),
        firstScan: { ...first, mbPerSecond: round(megabytes / (first.ms / 1000), 1) },
        nothingNew: idle,
        append1000Lines: appended
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }
  return results
}

// `node --import tsx --expose-gc bench/cases/local-logs.ts` runs this case alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchLocalLogs(), null, 2))
}
