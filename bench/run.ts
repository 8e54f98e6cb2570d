import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchCliStartup } from './cases/cli-startup'
import { benchDashboardQueries } from './cases/dashboard-queries'
import { benchIngest } from './cases/ingest'
import { benchLocalLogs } from './cases/local-logs'
import { benchPollRoundTrip } from './cases/poll-roundtrip'
import { benchRendererBundle } from './cases/renderer-bundle'
import { benchServe } from './cases/serve'
import { benchScale } from './scale/run-scale'
import { scaleSchema } from './scale/scale-plan'

/**
 * `npm run bench`: measures Coffer's hot paths on this machine and prints one JSON summary
 * (also written to bench/.results/latest.json). Not part of `npm test`: numbers are reported,
 * not asserted. Build first (`npm run build`) so the CLI start-up, serve and bundle cases run.
 */
const cases = {
  ingest: benchIngest,
  dashboardQueries: benchDashboardQueries,
  pollRoundTrip: benchPollRoundTrip,
  cliStartup: benchCliStartup,
  serve: benchServe,
  rendererBundle: benchRendererBundle,
  localLogs: benchLocalLogs
}

const results: Record<string, unknown> = {
  machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
  at: new Date().toISOString()
}
const scaleAt = process.argv.indexOf('--scale')
if (scaleAt >= 0) {
  const scale = scaleSchema.safeParse(process.argv[scaleAt + 1])
  if (!scale.success) {
    console.error('bench: --scale takes 10k, 100k or 1m')
    process.exit(2)
  }
  results.scale = await benchScale(scale.data)
} else {
  for (const [name, run] of Object.entries(cases)) {
    process.stderr.write(`bench: ${name}…\n`)
    results[name] = await run()
  }
}
const output = JSON.stringify(results, null, 2)
mkdirSync(join(import.meta.dirname, '.results'), { recursive: true })
writeFileSync(join(import.meta.dirname, '.results', 'latest.json'), output)
console.log(output)
