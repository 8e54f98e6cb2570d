/**
 * Shareable provider templates (issue 13, "shareable provider templates"): a custom account's
 * settings — never its key — as a small JSON file that another Coffer imports (`coffer accounts add
 * --template FILE`, or the add-account dialog). The format is closed: only the custom account's
 * plain options are allowed, so a file that carries a key, a token or anything else is refused
 * with a sentence saying so, instead of being imported silently.
 */
import { z } from 'zod'
import { validateCustomOptions } from './custom-account'
import { providerDescriptors } from './providers'

/** What identifies a Coffer template file and its format version. */
export const TEMPLATE_KIND = 'coffer-provider-template'
export const TEMPLATE_VERSION = 1

/** The custom account's options a template may carry: everything except secrets (there are none today). */
export const templateOptionKeys = providerDescriptors.custom.options.filter((field) => field.kind !== 'secret').map((field) => field.key)

/** Names that look like a credential: refused with their own message, never imported or echoed. */
const SECRET_NAMES = /key|token|secret|passw|auth|bearer|cookie|session|signature/i

const text = (max: number) => z.string().trim().max(max)

const optionsShape = z.record(z.string(), z.string().max(2000)).superRefine((options, ctx) => {
  for (const [name, value] of Object.entries(options)) {
    if (!templateOptionKeys.includes(name)) {
      const why = SECRET_NAMES.test(name)
        ? `“${name.slice(0, 40)}” looks like a credential: a template never carries a key or token (Coffer asks for the key when you add the account)`
        : `“${name.slice(0, 40)}” is not a setting of a custom account (settings: ${templateOptionKeys.join(', ')})`
      ctx.addIssue({ code: 'custom', path: [name], message: why })
      continue
    }
    const field = providerDescriptors.custom.options.find((candidate) => candidate.key === name)
    if (value !== '' && field?.pattern && !new RegExp(`^(?:${field.pattern})$`).test(value)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `“${field.label}” is not valid here` })
    }
    if (field?.choices && value !== '' && !field.choices.some((choice) => choice.value === value)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `“${field.label}” must be one of ${field.choices.map((choice) => choice.value).join(', ')}` })
    }
  }
})

/** One template file. */
export const providerTemplateSchema = z
  .object({
    kind: z.literal(TEMPLATE_KIND),
    version: z.literal(TEMPLATE_VERSION),
    /** What the template is for, e.g. "new-api relay (site shows CNY)". */
    name: text(80).min(1),
    /** A sentence for the person importing it: what to fill in, where the facts come from. */
    description: text(500).optional(),
    provider: z.literal('custom'),
    /** Where the endpoint and fields are documented (https). */
    source: text(500).regex(/^https:\/\/\S+$/, 'must be an https:// address').optional(),
    options: optionsShape
  })
  .strict()

export type ProviderTemplate = z.infer<typeof providerTemplateSchema>

/** The largest template file Coffer reads: a template is a few hundred bytes. */
export const MAX_TEMPLATE_BYTES = 64 * 1024

/**
 * Parses a template file's text. Returns the template, or a sentence saying what is wrong with it
 * (never quoting a value: a mistaken file might hold a key).
 */
export function parseProviderTemplate(textContent: string): { ok: true; template: ProviderTemplate } | { ok: false; message: string } {
  if (textContent.length > MAX_TEMPLATE_BYTES) return { ok: false, message: `This file is larger than a template can be (${MAX_TEMPLATE_BYTES / 1024} KB).` }
  let json: unknown
  try {
    json = JSON.parse(textContent)
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Coffer template.' }
  }
  if (typeof json !== 'object' || json === null || (json as { kind?: unknown }).kind !== TEMPLATE_KIND) {
    return { ok: false, message: `This is not a Coffer provider template (its "kind" is not "${TEMPLATE_KIND}").` }
  }
  const parsed = providerTemplateSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'the file'
    const message = issue?.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `“${key.slice(0, 40)}”`).join(', ')}` : issue?.message
    return { ok: false, message: `This template cannot be used: ${where}: ${message ?? 'is invalid'}.` }
  }
  const options = Object.fromEntries(Object.entries(parsed.data.options).filter(([, value]) => value !== ''))
  const leak = credentialInUrl(options.url)
  if (leak) return { ok: false, message: `This template cannot be used: ${leak}` }
  // A template may leave the URL for the importer (a relay's own address); everything else must hold together.
  const problem = validateCustomOptions(options.url ? options : { ...options, url: 'https://example.invalid' })
  if (problem) return { ok: false, message: `This template cannot be used: ${problem}` }
  return { ok: true, template: { ...parsed.data, options } }
}

/**
 * A template from a custom account's options: its plain settings only (never the key, which is not
 * an option; never a secret option). Empty settings are left out.
 */
export function templateFromOptions(name: string, options: Readonly<Record<string, string>>, description?: string): ProviderTemplate {
  const kept = Object.fromEntries(templateOptionKeys.filter((key) => options[key] !== undefined && options[key] !== '').map((key) => [key, options[key] as string]))
  return {
    kind: TEMPLATE_KIND,
    version: TEMPLATE_VERSION,
    name: name.trim().slice(0, 80) || 'Custom endpoint',
    ...(description ? { description: description.slice(0, 500) } : {}),
    provider: 'custom',
    options: kept
  }
}

/**
 * A URL that carries a credential in its query (`?api_key=…`, `?token=…`): a template must not, so
 * it is refused on import and on export. Returns the sentence, or `null`.
 */
export function credentialInUrl(url: string | undefined): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const names = [...parsed.searchParams.keys()].filter((name) => SECRET_NAMES.test(name))
  return names.length > 0 ? `its URL carries a credential in the query (${names.map((name) => `“${name.slice(0, 40)}”`).join(', ')}); a template never carries a key.` : null
}

/** A template as the text of its file: pretty JSON with a final newline. */
export function templateFileText(template: ProviderTemplate): string {
  return `${JSON.stringify(template, null, 2)}\n`
}

/** A file name for a template: its name in lower-case words, `.coffer-template.json`. */
export function templateFileName(template: ProviderTemplate): string {
  const slug = template.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'template'
  return `${slug}.coffer-template.json`
}
