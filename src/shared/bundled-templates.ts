/**
 * The provider templates shipped with Coffer (resources/templates/*.json, bundled into the build so
 * they work offline): relays whose figures need a unit or scale, and long-tail providers with a
 * documented balance endpoint but no adapter. Each file is itself a template a user could import.
 */
import newApiCny from '../../resources/templates/new-api-relay-cny.json' with { type: 'json' }
import newApiUsd from '../../resources/templates/new-api-relay-usd.json' with { type: 'json' }
import ollamaCloud from '../../resources/templates/ollama-cloud.json' with { type: 'json' }
import oneApiRaw from '../../resources/templates/one-api-relay-raw-quota.json' with { type: 'json' }
import stepfun from '../../resources/templates/stepfun.json' with { type: 'json' }
import { parseProviderTemplate, type ProviderTemplate } from './provider-template'

const files: Record<string, unknown> = {
  'new-api-relay-usd': newApiUsd,
  'new-api-relay-cny': newApiCny,
  'one-api-relay-raw-quota': oneApiRaw,
  stepfun,
  'ollama-cloud': ollamaCloud
}

/** A bundled template and the name it is chosen by (`--template stepfun`). */
export interface BundledTemplate {
  id: string
  template: ProviderTemplate
}

let cached: BundledTemplate[] | null = null

/**
 * Every bundled template, validated like an imported file.
 *
 * @throws Error naming the file when one is invalid (a build mistake, caught by the unit tests).
 */
export function bundledTemplates(): BundledTemplate[] {
  cached ??= Object.entries(files).map(([id, json]) => {
    const parsed = parseProviderTemplate(JSON.stringify(json))
    if (!parsed.ok) throw new Error(`resources/templates/${id}.json: ${parsed.message}`)
    return { id, template: parsed.template }
  })
  return cached
}
