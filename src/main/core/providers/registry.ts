import type { ProviderId } from '../../../shared/providers'
import { anthropicAdapter } from './anthropic'
import { customAdapter } from './custom'
import { deepseekAdapter } from './deepseek'
import { elevenlabsAdapter } from './elevenlabs'
import { fireworksAdapter } from './fireworks'
import { manualAdapter } from './manual'
import { moonshotCnAdapter, moonshotIntlAdapter } from './moonshot'
import { novitaAdapter } from './novita'
import { openaiAdapter } from './openai'
import { openrouterAdapter } from './openrouter'
import type { ProviderAdapter } from './provider-adapter'
import { siliconflowCnAdapter, siliconflowIntlAdapter } from './siliconflow'
import { stabilityAdapter } from './stability'
import { xaiAdapter } from './xai'

/** Every adapter by provider id. `satisfies` makes a provider without an adapter a compile error. */
export const providerAdapters = {
  openrouter: openrouterAdapter,
  deepseek: deepseekAdapter,
  moonshot: moonshotIntlAdapter,
  'moonshot-cn': moonshotCnAdapter,
  siliconflow: siliconflowIntlAdapter,
  'siliconflow-cn': siliconflowCnAdapter,
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  xai: xaiAdapter,
  novita: novitaAdapter,
  stability: stabilityAdapter,
  elevenlabs: elevenlabsAdapter,
  fireworks: fireworksAdapter,
  manual: manualAdapter,
  custom: customAdapter
} satisfies Record<ProviderId, ProviderAdapter>
