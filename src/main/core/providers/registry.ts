import type { ProviderId } from '../../../shared/providers'
import { deepseekAdapter } from './deepseek'
import { openrouterAdapter } from './openrouter'
import type { ProviderAdapter } from './provider-adapter'

/** Every adapter by provider id. `satisfies` makes a provider without an adapter a compile error. */
export const providerAdapters = {
  openrouter: openrouterAdapter,
  deepseek: deepseekAdapter
} satisfies Record<ProviderId, ProviderAdapter>
