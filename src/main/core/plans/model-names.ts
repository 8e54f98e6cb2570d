/**
 * Pricing-dataset provider id for each Coffer provider id. Providers the dataset does not cover
 * (manual, custom, ElevenLabs…) have none: their spend is taken as measured.
 */
const datasetProviderOf: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  openrouter: 'openrouter',
  deepseek: 'deepseek',
  moonshot: 'moonshotai',
  'moonshot-cn': 'moonshotai',
  xai: 'x-ai',
  fireworks: 'fireworks',
  novita: 'novita'
}

/** The pricing dataset's provider for a Coffer account provider, or `null`. */
export function datasetProviderFor(cofferProvider: string): string | null {
  return datasetProviderOf[cofferProvider] ?? null
}

/** OpenRouter's vendor prefix for a bare model name (`claude-…` → `anthropic/`). */
function vendorPrefix(model: string): string | null {
  if (/^claude/i.test(model)) return 'anthropic/'
  if (/^(gpt|o\d|chatgpt|codex)/i.test(model)) return 'openai/'
  if (/^deepseek/i.test(model)) return 'deepseek/'
  if (/^grok/i.test(model)) return 'x-ai/'
  if (/^(kimi|moonshot)/i.test(model)) return 'moonshotai/'
  if (/^gemini/i.test(model)) return 'google/'
  if (/^(mistral|codestral|devstral|magistral|ministral)/i.test(model)) return 'mistralai/'
  return null
}

/**
 * Names to try, in order, when looking `model` up at `providerId`: the name as recorded, without
 * a vendor prefix (`openai/gpt-4o` at OpenAI), with one (`gpt-4o` at OpenRouter), without a date
 * suffix (`-20250929`, `-2024-08-06`), and with OpenRouter's dotted versions (`claude-sonnet-4.5`).
 */
export function modelNameCandidates(model: string, providerId: string): string[] {
  const trimmed = model.trim()
  const bare = trimmed.includes('/') ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed
  const undated = (name: string): string => name.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, '')
  const names: string[] = []
  if (providerId === 'openrouter') {
    const prefixed = trimmed.includes('/') ? trimmed : `${vendorPrefix(bare) ?? ''}${bare}`
    const base = undated(prefixed)
    names.push(trimmed, prefixed, base, base.replace(/(\d)-(\d)(?=$|-)/g, '$1.$2'))
  } else {
    names.push(trimmed, bare, undated(bare))
  }
  return [...new Set(names.filter((name) => name.length > 0))]
}
