import { useState, type ChangeEvent } from 'react'
import { bundledTemplates } from '../../../shared/bundled-templates'
import {
  MAX_TEMPLATE_BYTES,
  parseProviderTemplate,
  templateFileName,
  templateFileText,
  templateFromOptions,
  type ProviderTemplate
} from '../../../shared/provider-template'
import { FormField } from './form-field'
import type { AccountFormValues } from './validate-form'

/**
 * Templates in the add-account form of a custom account: start from a bundled one, import a file
 * someone shared, or save these settings as a file to share. A template never holds a key: the key
 * field is left as it is, and an export takes only the custom settings (issue 13).
 */
export function TemplateField({ values, update }: { values: AccountFormValues; update(patch: Partial<AccountFormValues>): void }) {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const bundled = bundledTemplates()

  const apply = (template: ProviderTemplate, from: string): void => {
    update({ provider: 'custom', options: { ...template.options }, label: values.label || template.name })
    setMessage({ tone: 'ok', text: `Filled in from ${from}${template.description ? `: ${template.description}` : '.'}` })
  }

  const onImport = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (file.size > MAX_TEMPLATE_BYTES) {
      setMessage({ tone: 'error', text: `This file is larger than a template can be (${MAX_TEMPLATE_BYTES / 1024} KB).` })
      return
    }
    const parsed = parseProviderTemplate(await file.text())
    if (parsed.ok) apply(parsed.template, `“${parsed.template.name}”`)
    else setMessage({ tone: 'error', text: parsed.message })
  }

  const onExport = (): void => setMessage(downloadTemplate(values.label || 'Custom endpoint', values.options))

  return (
    <FormField
      label="Template"
      optional
      help={
        message ? (
          <span role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'form-error' : undefined}>
            {message.text}
          </span>
        ) : (
          'Start from a template for a relay or a provider Coffer has no adapter for, or import one someone shared. Templates hold settings only, never a key.'
        )
      }
    >
      {(control) => (
        <div className="template-row">
          <select
            {...control}
            value=""
            onChange={(event) => {
              const chosen = bundled.find((candidate) => candidate.id === event.target.value)
              if (chosen) apply(chosen.template, `“${chosen.template.name}”`)
            }}
          >
            <option value="">Start from a template…</option>
            {bundled.map(({ id, template }) => (
              <option key={id} value={id}>
                {template.name}
              </option>
            ))}
          </select>{' '}
          <label className="button">
            Import file…
            <input type="file" accept="application/json,.json" hidden data-testid="template-file" onChange={(event) => void onImport(event)} />
          </label>{' '}
          <button type="button" className="button" onClick={onExport}>
            Export settings
          </button>
        </div>
      )}
    </FormField>
  )
}

/**
 * Saves a custom account's settings as a template file (a download), after checking it the way an
 * import would. Returns what to tell the user.
 */
export function downloadTemplate(name: string, options: Readonly<Record<string, string>>): { tone: 'ok' | 'error'; text: string } {
  const template = templateFromOptions(name, options)
  const text = templateFileText(template)
  const check = parseProviderTemplate(text)
  if (!check.ok) return { tone: 'error', text: check.message }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = templateFileName(template)
  link.click()
  URL.revokeObjectURL(url)
  return { tone: 'ok', text: `Saved ${link.download}: these settings, without the key.` }
}

/** The edit dialog's way to share a saved custom account's settings (never its key). */
export function ExportTemplateButton({ name, options }: { name: string; options: Readonly<Record<string, string>> }) {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  return (
    <div className="field">
      <div className="template-row">
        <button type="button" className="button" onClick={() => setMessage(downloadTemplate(name, options))}>
          Export settings as a template
        </button>
      </div>
      <div className="field-help">
        {message ? (
          <span role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'form-error' : undefined}>
            {message.text}
          </span>
        ) : (
          'A small file with these settings, never the key, that someone else can import.'
        )}
      </div>
    </div>
  )
}
