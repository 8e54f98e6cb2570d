import { describe, expect, it } from 'vitest'
import { awsError, costAndUsagePage, costExplorer } from '../../../../simulator/shapes/aws-bedrock'
import { callWire } from '../../../../helpers/test-core'
import { addAccount, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

function stored(): string {
  const db = h.core.context.db
  return JSON.stringify([db.prepare('SELECT * FROM raw_responses').all(), db.prepare('SELECT * FROM poll_runs').all(), db.prepare('SELECT * FROM accounts').all()])
}

describe('AWS Bedrock: Cost Explorer GetCostAndUsage through the AWS SDK', () => {
  it('reads daily UnblendedCost by usage type across pages, exactly to the micro-unit; SigV4-signed, secret never stored', async () => {
    h.sim.route(
      'POST',
      '/',
      costExplorer(KEY_ID, [
        costAndUsagePage(
          {
            '2026-11-19': [
              { usageType: 'USE1-Nova-Pro-input-tokens', amount: '1.234567' },
              // 12.3456785 USD = 12 345 678.5 micro-units → half-even → 12 345 678.
              { usageType: 'USE1-Nova-Pro-output-tokens', amount: '12.3456785' },
              { usageType: 'USE1-Nova-Pro-cache-read', amount: '0' }
            ]
          },
          'page-1'
        ),
        costAndUsagePage({ '2026-11-20': [{ usageType: 'USW2-Claude-Sonnet-4-input-tokens', amount: '0.10' }], '2026-11-21': [] })
      ])
    )
    const account = await addAccount(h, 'aws-bedrock', SECRET, { accessKeyId: KEY_ID, services: 'Claude Sonnet 4 (Amazon Bedrock Edition)' })
    expect(account.pollIntervalMinutes).toBe(360)

    const { report } = await poll(h, account.id)

    expect(report.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-19 USE1-Nova-Pro-input-tokens USD 1234567',
      '2026-11-19 USE1-Nova-Pro-output-tokens USD 12345678',
      '2026-11-20 USW2-Claude-Sonnet-4-input-tokens USD 100000'
    ])
    const requests = h.sim.requestsTo('/')
    expect(requests).toHaveLength(2)
    for (const request of requests) {
      expect(request.method).toBe('POST')
      expect(request.headers['x-amz-target']).toBe('AWSInsightsIndexService.GetCostAndUsage')
      expect(request.headers['content-type']).toBe('application/x-amz-json-1.1')
      expect(request.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY_ID}/\\d{8}/us-east-1/ce/aws4_request, `))
      expect(JSON.stringify(request)).not.toContain(SECRET)
    }
    // First poll: the last 90 days (2026-08-24 … 2026-11-21; End is exclusive).
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      TimePeriod: { Start: '2026-08-24', End: '2026-11-22' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      Filter: { Dimensions: { Key: 'SERVICE', Values: ['Amazon Bedrock', 'Claude Sonnet 4 (Amazon Bedrock Edition)'] } },
      GroupBy: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }]
    })
    expect(JSON.parse(requests[1]?.body ?? '').NextPageToken).toBe('page-1')
    expect(stored()).not.toContain(SECRET)
    expect(JSON.stringify(report)).not.toContain(SECRET)
  })

  it('a poll 6 hours later re-reads the recent days and replaces them (AWS revised a day)', async () => {
    h.sim.route('POST', '/', costExplorer(KEY_ID, [costAndUsagePage({ '2026-11-20': [{ usageType: 'USE1-Nova-Pro-input-tokens', amount: '2.5' }, { usageType: 'USE1-Nova-Pro-output-tokens', amount: '1' }] })]))
    const account = await addAccount(h, 'aws-bedrock', SECRET, { accessKeyId: KEY_ID })
    expect((await poll(h, account.id)).report.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 USE1-Nova-Pro-input-tokens USD 2500000', '2026-11-20 USE1-Nova-Pro-output-tokens USD 1000000'])

    // AWS revised the day: the output line is gone, the input one changed.
    h.sim.route('POST', '/', costExplorer(KEY_ID, [costAndUsagePage({ '2026-11-20': [{ usageType: 'USE1-Nova-Pro-input-tokens', amount: '2.75' }], '2026-11-21': [] })]))
    h.clock.now = new Date('2026-11-21T18:00:00Z')
    expect((await poll(h, account.id)).report.status).toBe('ok')
    const requests = h.sim.requestsTo('/')
    expect(requests).toHaveLength(2)
    // Later polls: the last 3 days (REFETCH_DAYS), reaching back to the day before the last success.
    expect(JSON.parse(requests[1]?.body ?? '').TimePeriod).toEqual({ Start: '2026-11-19', End: '2026-11-22' })
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 USE1-Nova-Pro-input-tokens USD 2750000'])
  })

  it('refuses a poll interval under 6 hours, on add and on update', async () => {
    const tooOften = await callWire(h.core, 'accounts:add', { draft: { provider: 'aws-bedrock', label: 'aws', baseUrl: h.sim.baseUrl, options: { accessKeyId: KEY_ID }, pollIntervalMinutes: 60 }, key: SECRET })
    expect(tooOften).toMatchObject({ ok: false, code: 'bad_request' })
    expect(tooOften.ok ? '' : tooOften.message).toMatch(/at most every 360 minutes \(6 hours\).*billed/)

    const account = await addAccount(h, 'aws-bedrock', SECRET, { accessKeyId: KEY_ID })
    const update = await callWire(h.core, 'accounts:update', { id: account.id, pollIntervalMinutes: 359 })
    expect(update).toMatchObject({ ok: false, code: 'bad_request' })
    expect(await callWire(h.core, 'accounts:update', { id: account.id, pollIntervalMinutes: 720 })).toMatchObject({ ok: true })
  })

  it('a key id AWS does not know is auth_failed (UnrecognizedClientException, HTTP 400); throttling is rate_limited', async () => {
    h.sim.route('POST', '/', costExplorer('AKIAOTHERKEY00000000', [costAndUsagePage({})]))
    const account = await addAccount(h, 'aws-bedrock', SECRET, { accessKeyId: KEY_ID })
    const refused = await poll(h, account.id)
    expect(refused.report.status).toBe('auth_failed')
    expect(refused.report.error?.message).toMatch(/UnrecognizedClientException.*security token included in the request is invalid/)

    h.sim.route('POST', '/', awsError(400, 'LimitExceededException', 'You made too many calls in a short period of time. Try again later.'))
    const throttled = await poll(h, account.id)
    expect(throttled.report.status).toBe('rate_limited')
    expect(throttled.report.error?.message).toMatch(/too many calls/)
    expect(stored()).not.toContain(SECRET)
  })

  it('an answer without ResultsByTime is bad_response, never zero spend; a missing access key id says what to add', async () => {
    h.sim.route('POST', '/', { headers: { 'content-type': 'application/x-amz-json-1.1' }, body: { GroupDefinitions: [] } })
    const account = await addAccount(h, 'aws-bedrock', SECRET, { accessKeyId: KEY_ID })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('bad_response')
    expect(report.error?.message).toMatch(/ResultsByTime/)

    const noId = await callWire(h.core, 'accounts:add', { draft: { provider: 'aws-bedrock', label: 'no id', options: {} }, key: SECRET })
    expect(noId).toMatchObject({ ok: false, code: 'bad_request' })
  })
})
