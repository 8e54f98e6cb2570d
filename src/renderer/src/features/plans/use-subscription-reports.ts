import { useEffect, useState } from 'react'
import type { SubscriptionReport } from '../../../../shared/contract/subscriptions-calls'
import { getBridge } from '../../bridge/current-bridge'
import { useStore } from '../../store'

// Apart from the Plans page's charts: the overview's cards use it, and must not load chart.js for it.

/**
 * The value reports of the Claude Code / Codex subscriptions (issue 12.3-12.4), loaded again when
 * the accounts change (a poll or the log watcher read new lines). `null` while loading.
 */
export function useSubscriptionReports(cycles = 6): { reports: SubscriptionReport[] | null; error: string | null } {
  const accounts = useStore((state) => state.accounts)
  const [reports, setReports] = useState<SubscriptionReport[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const measured = accounts.filter((account) => account.provider === 'claude-code' || account.provider === 'codex')
  // Reload when a measured account's figures change (its last poll), not on every store update.
  const key = measured.map((account) => `${account.id}:${account.lastPolledAt ?? ''}`).join('|')
  useEffect(() => {
    // No Claude Code or Codex account: nothing to ask (the section and card lines stay hidden).
    if (key === '') return
    let live = true
    getBridge()
      .invoke('subscriptions:report', { cycles })
      .then((result) => {
        if (!live) return
        setReports(result.subscriptions)
        setError(null)
      })
      .catch((failure: unknown) => {
        if (live) setError((failure as Error).message)
      })
    return () => {
      live = false
    }
  }, [key, cycles])
  return { reports: key === '' ? [] : reports, error }
}
