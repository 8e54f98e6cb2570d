/**
 * Where an IP address or a URL host points: this machine, the local network, or the internet.
 * Pure (no Node, no DOM): the same rules run in the form, in the contract and at send time on the
 * addresses a DNS name resolves to.
 */

/**
 * - `loopback`: this machine (127.0.0.0/8, ::1, `localhost`);
 * - `unspecified`: 0.0.0.0/8 and `::`, which connect to this machine too;
 * - `link-local`: 169.254.0.0/16 and fe80::/10 (cloud metadata services answer at 169.254.169.254);
 * - `private`: 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT, Tailscale), fc00::/7
 *   and the deprecated site-local fec0::/10;
 * - `reserved`: multicast, broadcast and the 240/4 block: never a web server;
 * - `public`: anything else.
 */
export type AddressScope = 'loopback' | 'unspecified' | 'link-local' | 'private' | 'reserved' | 'public'

/** Scopes that are this machine or the local network: a request there is not a request to the internet. */
export function isLocalScope(scope: AddressScope): boolean {
  return scope !== 'public'
}

/** The scope in words, for error messages: "…resolves to 10.0.0.1, an address on your local network". */
export function scopeText(scope: AddressScope): string {
  switch (scope) {
    case 'loopback':
    case 'unspecified':
      return 'an address on this machine'
    case 'link-local':
      return 'a link-local address (where cloud metadata services answer)'
    case 'private':
      return 'an address on your local network'
    case 'reserved':
      return 'a reserved or multicast address'
    case 'public':
      return 'a public address'
  }
}

/** The four bytes of a dotted-quad IPv4 address, or `null`. */
function ipv4Bytes(text: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (!match) return null
  const bytes = match.slice(1).map(Number)
  return bytes.every((byte) => byte <= 255) ? bytes : null
}

function ipv4Scope([a, b]: number[]): AddressScope {
  const first = a ?? 0
  const second = b ?? 0
  if (first === 127) return 'loopback'
  if (first === 0) return 'unspecified'
  if (first === 169 && second === 254) return 'link-local'
  if (first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168)) return 'private'
  if (first === 100 && second >= 64 && second <= 127) return 'private'
  if (first >= 224) return 'reserved'
  return 'public'
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail converted), or `null`. */
function ipv6Groups(text: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return null
  let body = text
  const tail: number[] = []
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body)
  if (dotted) {
    const bytes = ipv4Bytes(dotted[2] ?? '')
    if (!bytes) return null
    tail.push(((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0), ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0))
    body = dotted[1]?.endsWith('::') ? (dotted[1] ?? '') : (dotted[1] ?? '').slice(0, -1)
  }
  const halves = body.split('::')
  if (halves.length > 2) return null
  const parse = (part: string | undefined): number[] | null => {
    if (!part) return []
    const groups = part.split(':')
    if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return null
    return groups.map((group) => parseInt(group, 16))
  }
  const head = parse(halves[0])
  const rest = parse(halves[1])
  if (!head || !rest) return null
  const known = head.length + rest.length + tail.length
  if (halves.length === 1) return known === 8 ? [...head, ...tail] : null
  if (known > 7) return null
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail]
}

function ipv6Scope(groups: number[]): AddressScope {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0
  if (zeroPrefix && g5 === 0 && g6 === 0) return g7 === 1 ? 'loopback' : g7 === 0 ? 'unspecified' : 'reserved'
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (the old IPv4-compatible form) reach that IPv4 address.
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) return ipv4Scope(embedded)
  // 64:ff9b::/96: NAT64, the IPv4 address in the last 32 bits.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return ipv4Scope(embedded)
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfec0) return 'private'
  if ((g0 & 0xff00) === 0xff00) return 'reserved'
  return 'public'
}

/**
 * The scope of an IP address as `dns.lookup` returns it or as it appears in a URL (`[::1]`,
 * `fe80::1%eth0`); `null` when `text` is not an IP address.
 */
export function addressScope(text: string): AddressScope | null {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '')
  const v4 = ipv4Bytes(bare)
  if (v4) return ipv4Scope(v4)
  const v6 = ipv6Groups(bare)
  return v6 ? ipv6Scope(v6) : null
}

/** `localhost` and any name under `.localhost` (RFC 6761: they mean this machine). */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}

/**
 * The scope of a URL's hostname (as `new URL()` normalises it: lower case, IPv4 in dotted form,
 * IPv6 in brackets) when it can be known without DNS; `null` for an ordinary DNS name.
 */
export function hostScope(hostname: string): AddressScope | null {
  if (isLocalhostName(hostname)) return 'loopback'
  return addressScope(hostname)
}
