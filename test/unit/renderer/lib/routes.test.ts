import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountCardId, accountHash, parseHash, recordsTabs, routeHash, routePages, type Route } from '../../../../src/renderer/src/lib/routes'

describe('hash routes (issue 14.4)', () => {
  it('every page and every records tab has its own address', () => {
    expect(routeHash({ page: 'overview' })).toBe('#/overview')
    expect(routeHash({ page: 'records', tab: 'polls' })).toBe('#/records/polls')
    expect(routeHash({ page: 'records' })).toBe('#/records')
    expect(routeHash({ page: 'alerts' })).toBe('#/alerts')
    expect(routeHash({ page: 'plans' })).toBe('#/plans')
    expect(routeHash({ page: 'settings' })).toBe('#/settings')
    expect(accountHash('acc_demoopenr1')).toBe('#/accounts/acc_demoopenr1')
    expect(accountCardId('acc_demoopenr1')).toBe('account-acc_demoopenr1')
  })

  it('parses what it writes back to the same route', () => {
    const routes: Route[] = [
      ...routePages.filter((page) => page !== 'records').map((page) => ({ page }) as Route),
      { page: 'records' },
      ...recordsTabs.map((tab) => ({ page: 'records', tab }) as Route),
      { page: 'overview', accountId: 'acc_0123456789' }
    ]
    for (const route of routes) expect(parseHash(routeHash(route))).toEqual(route)
  })

  it('takes the forms people type: no slash, a trailing slash, no hash at all', () => {
    expect(parseHash('#records/usage')).toEqual({ page: 'records', tab: 'usage' })
    expect(parseHash('#/alerts/')).toEqual({ page: 'alerts' })
    expect(parseHash('')).toEqual({ page: 'overview' })
    expect(parseHash('#')).toEqual({ page: 'overview' })
  })

  it('anything unknown is the overview, never an error (old bookmarks, typos, bad ids)', () => {
    expect(parseHash('#/nowhere')).toEqual({ page: 'overview' })
    expect(parseHash('#/records/balances')).toEqual({ page: 'records' })
    expect(parseHash('#/accounts/not-an-id')).toEqual({ page: 'overview' })
    expect(parseHash('#/accounts/')).toEqual({ page: 'overview' })
    expect(parseHash('#/accounts/%E0%A4%A')).toEqual({ page: 'overview' })
    fc.assert(
      fc.property(fc.string(), (text) => {
        const route = parseHash(`#${text}`)
        expect(routePages).toContain(route.page)
      })
    )
  })
})
