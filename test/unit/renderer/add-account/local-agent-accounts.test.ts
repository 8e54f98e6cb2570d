import { describe, expect, it } from 'vitest'
import { validateAccountForm, type AccountFormValues } from '../../../../src/renderer/src/add-account/validate-form'
import { providerDescriptors } from '../../../../src/shared/providers'

const form = (provider: 'claude-code' | 'codex', options: Record<string, string>): AccountFormValues => ({
  provider,
  label: 'Mine',
  key: '',
  baseUrl: '',
  pollIntervalMinutes: '15',
  options
})

describe('the add-account form for Claude Code and Codex (issue 12.1)', () => {
  it('says what is read from the logs and what never is, needs no key, and asks for the plan and renewal day', () => {
    for (const id of ['claude-code', 'codex'] as const) {
      const descriptor = providerDescriptors[id]
      expect(descriptor.note).toContain('Coffer reads only token counts, model names and times from these logs, never your prompts or the answers')
      expect(descriptor.key).toMatchObject({ kind: 'none', required: false })
      expect(descriptor.options.map((option) => option.key)).toEqual(['plan', 'renewsOn', 'dir'])
    }
  })

  it('accepts a plan id and a renewal date or day; refuses other renewal text', () => {
    expect(validateAccountForm(form('claude-code', { plan: 'claude-max-5x', renewsOn: '14' }), providerDescriptors['claude-code'])).toMatchObject({ ok: true })
    expect(validateAccountForm(form('codex', { plan: 'chatgpt-plus', renewsOn: '2026-11-03' }), providerDescriptors.codex)).toMatchObject({ ok: true })
    for (const renewsOn of ['monthly', '32']) {
      expect(validateAccountForm(form('codex', { renewsOn }), providerDescriptors.codex)).toMatchObject({ ok: false, errors: { 'option.renewsOn': expect.stringContaining('renews on') } })
    }
  })
})
