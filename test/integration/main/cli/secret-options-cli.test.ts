import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import type { SimRequest } from '../../../simulator/provider-simulator'
import { openrouterActivity, openrouterCredits, openrouterError, openrouterKey } from '../../../simulator/shapes/openrouter'

vi.setConfig({ testTimeout: 60_000 })

describeWithKeychain('coffer accounts add: secret options come from standard input, never arguments', () => {
  const cli = useCliSandbox('coffer-secret-options-')
  const { coffer } = cli
  const apiKey = `sk-or-v1-${randomBytes(12).toString('hex')}`
  const managementKey = `sk-or-mgmt-${randomBytes(12).toString('hex')}`

  beforeAll(async () => {
    // Account credits answer only the management key, as OpenRouter's current docs say.
    cli.sim.route('GET', '/api/v1/credits', (request: SimRequest) =>
      request.headers.authorization === `Bearer ${managementKey}` ? openrouterCredits({ totalCredits: 50, totalUsage: 12.25 }) : openrouterError(403, 'Management key required')
    )
    cli.sim.route('GET', '/api/v1/key', openrouterKey({ limit: null, limitRemaining: null, usage: 1 }))
    cli.sim.route('GET', '/api/v1/activity', openrouterActivity([]))
  })

  it('refuses a management key given as --option (it would land in shell history)', async () => {
    const result = await coffer(['accounts', 'add', '--provider', 'openrouter', '--label', 'Leaky', '--base-url', cli.sim.baseUrl, '--option', `managementKey=${managementKey}`, '--key-stdin'], apiKey)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--secret-stdin managementKey')
    expect(result.stderr).not.toContain(managementKey)
  })

  it('reads the key and the management key from successive lines of stdin and uses both', async () => {
    const added = await coffer(
      ['accounts', 'add', '--provider', 'openrouter', '--label', 'Org', '--base-url', cli.sim.baseUrl, '--key-stdin', '--secret-stdin', 'managementKey'],
      `${apiKey}\n${managementKey}\n`
    )
    expect(added.code, added.stderr).toBe(0)
    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)
    const status = JSON.parse((await coffer(['status', '--json'])).stdout) as { accounts: { label: string; status: string; balances: { kind: string; amount: string }[] }[] }
    const org = status.accounts.find((account) => account.label === 'Org')
    expect(org?.status).toBe('ok')
    expect(org?.balances[0]).toMatchObject({ kind: 'total', amount: '37.75' })
    // Every file in the data folder, the daily backups included.
    for (const file of readdirSync(cli.home, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())) {
      const bytes = readFileSync(join(file.parentPath, file.name))
      expect(bytes.includes(managementKey), file.name).toBe(false)
      expect(bytes.includes(apiKey), file.name).toBe(false)
    }
  })

  it('says how many lines it expected when stdin is short', async () => {
    const result = await coffer(['accounts', 'add', '--provider', 'openrouter', '--label', 'Short', '--key-stdin', '--secret-stdin', 'managementKey'], `${apiKey}\n`)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Expected 2 lines')
  })
})
