import type { PollStep } from '../../shared/contract/events'
import type { Core } from '../core/app'
import { BACKFILL_DAYS } from '../core/providers/history-window'
import type { CliIo } from './cli-io'
import { printable } from './format'

/** The progress line for one step of a long poll: "OpenAI: first poll, reading 90 days of history — OpenAI usage, page 3…". */
export function pollStepLine(label: string, step: Pick<PollStep, 'what' | 'page' | 'backfill'>): string {
  const history = step.backfill ? `first poll, reading ${BACKFILL_DAYS} days of history — ` : ''
  return printable(`${label}: ${history}${step.what}, page ${step.page}…`)
}

/**
 * Runs `work` (a command that polls) with a progress line on a terminal (issue 14.8): which
 * account is being polled and, for a paginated history such as a first poll's 90-day backfill of
 * OpenAI or Anthropic, the page being read. Nothing at all when standard error is a pipe
 * (`io.progress` is absent); the line is cleared before the results print.
 */
export async function withPollProgress<T>(core: Core, io: CliIo, work: () => Promise<T>): Promise<T> {
  const show = io.progress
  if (!show) return work()
  const label = (accountId: string): string => core.context.accounts.get(accountId)?.label ?? accountId
  const off = core.onEvent((event, payload) => {
    if (event === 'poll:progress') {
      const progress = payload as { accountId: string; phase: string }
      if (progress.phase === 'started') show(printable(`Polling ${label(progress.accountId)}…`))
    } else if (event === 'poll:step') {
      const step = payload as PollStep
      show(pollStepLine(label(step.accountId), step))
    }
  })
  try {
    return await work()
  } finally {
    off()
    show(null)
  }
}
