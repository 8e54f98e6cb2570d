import { describe, expect, it } from 'vitest'
import { addressScope, hostScope, isLocalScope, type AddressScope } from '../../../src/shared/network-address'

describe('addressScope', () => {
  const table: [string, AddressScope | null][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['172.15.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700::1111', 'public'],
    ['[2001:db8::1]', 'public'],
    ['ntfy.sh', null],
    ['256.0.0.1', null],
    ['1::2::3', null],
    ['1:2:3:4:5:6:7:8:9', null],
    ['', null]
  ]
  it.each(table)('%s → %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope)
  })
})

describe('hostScope and isLocalScope', () => {
  it('knows localhost names without DNS and leaves other names to DNS', () => {
    expect(hostScope('localhost')).toBe('loopback')
    expect(hostScope('api.localhost')).toBe('loopback')
    expect(hostScope('LOCALHOST.')).toBe('loopback')
    expect(hostScope('localhost.evil.com')).toBeNull()
    expect(hostScope('ntfy.sh')).toBeNull()
  })

  it('everything but public is local', () => {
    expect(isLocalScope('public')).toBe(false)
    for (const scope of ['loopback', 'unspecified', 'link-local', 'private', 'reserved'] as const) expect(isLocalScope(scope)).toBe(true)
  })
})
