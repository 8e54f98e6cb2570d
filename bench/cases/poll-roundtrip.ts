import { dispatchCall } from '../../src/main/core/dispatch'
import { ProviderSimulator } from '../../test/simulator/provider-simulator'
import { deepseekBalance } from '../../test/simulator/shapes/deepseek'
import { benchCore } from '../fixtures'
import { summarize, time } from '../stats'

/** A full poll of one DeepSeek-shaped account over loopback HTTP: request, parse, ingest. */
export async function benchPollRoundTrip(): Promise<Record<string, unknown>> {
  const simulator = await ProviderSimulator.start()
  simulator.route('GET', '/user/balance', deepseekBalance([{ currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' }]))
  const core = benchCore()
  const added = await dispatchCall(core.handlers, 'accounts:add', {
    draft: { provider: 'deepseek', label: 'Bench', baseUrl: simulator.baseUrl },
    key: 'sk-bench-000000000000'
  })
  if (!added.ok) throw new Error(added.message)
  const id = (added.value as { id: string }).id
  const samples = await time(async () => {
    const result = await dispatchCall(core.handlers, 'accounts:poll', { ids: [id] })
    if (!result.ok) throw new Error(result.message)
  }, 200)
  core.close()
  await simulator.close()
  return { pollRoundTripMs: summarize(samples) }
}
