import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import { costAndUsagePage, costExplorer } from '../../../simulator/shapes/aws-bedrock'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 })

const today = new Date().toISOString().slice(0, 10)

describeWithKeychain('AWS Bedrock through the CLI: accounts add, poll, status --json, export (subprocess)', () => {
  const cli = useCliSandbox('coffer-aws-cli-')
  const { coffer } = cli
  const keyId = 'AKIACLITEST000000001'
  const secret = `aws-${randomBytes(18).toString('base64url')}`

  beforeAll(() => {
    cli.sim.route(
      'POST',
      '/',
      costExplorer(keyId, [
        costAndUsagePage({
          [today]: [
            { usageType: 'USE1-Nova-Pro-input-tokens', amount: '0.0123456' },
            { usageType: 'USE1-Nova-Pro-output-tokens', amount: '3.5' }
          ]
        })
      ])
    )
  })

  it('refuses a poll interval under 6 hours with a sentence (exit 2); spend reaches status --json and export to the micro-unit; the secret is never stored or printed', async () => {
    const base = ['accounts', 'add', '--provider', 'aws-bedrock', '--option', `accessKeyId=${keyId}`, '--base-url', cli.sim.baseUrl, '--key-stdin']
    const tooOften = await coffer([...base, '--label', 'AWS hourly', '--poll-interval', '60'], secret)
    expect(tooOften.code).toBe(2)
    expect(tooOften.stderr).toMatch(/at most every 360 minutes \(6 hours\)/)
    expect(tooOften.stderr).not.toMatch(/\n\s+at /)

    const added = await coffer([...base, '--label', 'AWS'], secret)
    expect(added.code, added.stderr).toBe(0)
    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)
    const status = await coffer(['status', '--json'])
    expect(status.code, status.stderr).toBe(0)
    const account = (JSON.parse(status.stdout) as { accounts: { label: string; status: string; provider: string }[] }).accounts.find((a) => a.label === 'AWS')
    expect(account).toMatchObject({ provider: 'aws-bedrock', status: 'ok' })

    const exported = await coffer(['export', '--what', 'spend', '--format', 'csv', '--from', today, '--to', today])
    expect(exported.code, exported.stderr).toBe(0)
    const lines = exported.stdout.trim().split(/\r?\n/).slice(1).map((line) => line.split(','))
    const official = lines.filter((cells) => cells.at(-1) === 'official').map((cells) => `${cells[1]}|${cells[3]}|${cells[4]}|${cells[5]}`).sort()
    // 0.0123456 USD = 12 345.6 micro-units → 12 346 → 0.012346.
    expect(official).toEqual(['AWS|USE1-Nova-Pro-input-tokens|0.012346|USD', 'AWS|USE1-Nova-Pro-output-tokens|3.5|USD'])

    const stored = readdirSync(cli.home)
      .map((name) => join(cli.home, name))
      .map((file) => { try { return readFileSync(file).toString('latin1') } catch { return '' } })
      .join('\n')
    expect(stored).not.toContain(secret)
    expect(status.stdout + polled.stdout + polled.stderr + exported.stdout + tooOften.stderr).not.toContain(secret)
  })
})
