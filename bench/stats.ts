/** Summary statistics of a list of samples (milliseconds unless named otherwise). */
export interface Summary {
  n: number
  p50: number
  p95: number
  min: number
  max: number
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), min: round(sorted[0] ?? 0), max: round(sorted.at(-1) ?? 0) }
}

/** Times `fn` `runs` times after `warmup` untimed runs; returns per-run milliseconds. */
export async function time(fn: () => unknown, runs: number, warmup = Math.min(10, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  return samples
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
