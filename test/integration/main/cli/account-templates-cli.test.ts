import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProviderSimulator } from '../../../simulator/provider-simulator'
import { relaySubscription, relayUsage } from '../../../simulator/shapes/relay'
import { runCliInProcess as coffer } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'

interface StatusJson {
  accounts: { id: string; label: string; status: string; balances: { unit: string; amount: string; kind: string }[] }[]
}

let sim: ProviderSimulator
beforeEach(async () => {
  sim = await ProviderSimulator.start()
})
afterEach(async () => {
  await sim.close()
})

const relayCny = {
  kind: 'coffer-provider-template',
  version: 1,
  name: 'Team relay (CNY)',
  description: 'Our new-api relay; it shows yuan.',
  provider: 'custom',
  options: { preset: 'openai-compatible-relay', unit: 'CNY' }
}

describe('provider templates on the CLI: accounts add --template, export-template, templates (issue 13)', () => {
  const dir = useTempDir('coffer-templates-')

  it('adds an account from a template file (an --option fills in the URL), polls it in the template’s unit, and exports the same settings back', async () => {
    const home = dir()
    const file = join(home, 'relay.coffer-template.json')
    writeFileSync(file, JSON.stringify(relayCny))
    sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(730.5))
    sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(12345))

    const added = await coffer(home, 'accounts', 'add', '--template', file, '--option', `url=${sim.baseUrl}`)
    expect(added).toMatchObject({ code: 0, err: '' })
    expect(added.out).toMatch(/^Added Team relay \(CNY\) \(acc_\w+, Custom endpoint or relay\)\.\n$/)

    expect((await coffer(home, 'poll')).code).toBe(0)
    const status = JSON.parse((await coffer(home, 'status', '--json')).out) as StatusJson
    expect(status.accounts[0]).toMatchObject({ label: 'Team relay (CNY)', status: 'ok' })
    expect(status.accounts[0]?.balances.map((b) => [b.kind, b.unit, b.amount])).toEqual([
      ['total', 'CNY', '607.05'],
      ['used', 'CNY', '123.45'],
      ['limit', 'CNY', '730.5']
    ])

    const out = join(home, 'shared.json')
    const exported = await coffer(home, 'accounts', 'export-template', 'Team relay (CNY)', '--out', out, '--name', 'Team relay (CNY)')
    expect(exported).toMatchObject({ code: 0, out: '' })
    expect(exported.err).toMatch(/\(no key\)/)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({
      kind: 'coffer-provider-template',
      version: 1,
      name: 'Team relay (CNY)',
      provider: 'custom',
      options: { preset: 'openai-compatible-relay', url: sim.baseUrl, unit: 'CNY' }
    })
  })

  it('a bundled template by name; --label and --option override it; the list names each with its source', async () => {
    const home = dir()
    const list = await coffer(home, 'accounts', 'templates')
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/^one-api-relay-raw-quota {2}one-api relay \(currency display off, raw quota\) {2}\(https:\/\/github\.com\/songquanpeng\/one-api\/blob\/main\/controller\/billing\.go\)$/m)
    expect(list.out.trim().split('\n')).toHaveLength(5)

    expect((await coffer(home, 'accounts', 'add', '--template', 'stepfun', '--label', 'Step', '--option', 'unit=USD')).code).toBe(0)
    const exported = JSON.parse((await coffer(home, 'accounts', 'export-template', 'Step')).out) as { name: string; options: Record<string, string> }
    expect(exported).toMatchObject({ name: 'Step', options: { preset: 'json', url: 'https://api.stepfun.com/v1/accounts', balancePath: 'balance', unit: 'USD' } })
  })

  it('a template that carries a key, a wrong provider, a missing file, or a non-custom export: exit 2 with a sentence, nothing added', async () => {
    const home = dir()
    const leaky = join(home, 'leaky.json')
    writeFileSync(leaky, JSON.stringify({ ...relayCny, options: { ...relayCny.options, apiKey: 'sk-live-0123456789abcdef' } }))
    const refused = await coffer(home, 'accounts', 'add', '--template', leaky)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/“apiKey” looks like a credential: a template never carries a key or token/)
    expect(refused.err + refused.out).not.toContain('sk-live')

    const wrong = await coffer(home, 'accounts', 'add', '--template', 'stepfun', '--provider', 'openai')
    expect(wrong.code).toBe(2)
    expect(wrong.err).toMatch(/The template is for a custom account, not openai/)

    const missing = await coffer(home, 'accounts', 'add', '--template', join(home, 'nope.json'))
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/No template file .*bundled: new-api-relay-usd, new-api-relay-cny, one-api-relay-raw-quota, stepfun, ollama-cloud/)

    const noProvider = await coffer(home, 'accounts', 'add', '--label', 'x')
    expect(noProvider.code).toBe(2)
    expect(noProvider.err).toMatch(/Say which provider/)

    expect((await coffer(home, 'accounts', 'add', '--provider', 'manual', '--label', 'Plus', '--option', 'unit=USD')).code).toBe(0)
    const notCustom = await coffer(home, 'accounts', 'export-template', 'Plus')
    expect(notCustom.code).toBe(2)
    expect(notCustom.err).toMatch(/only custom accounts have settings to share/)
    const accounts = JSON.parse((await coffer(home, 'accounts', 'list', '--json')).out) as { accounts: unknown[] }
    expect(accounts.accounts).toHaveLength(1)
  })
})
