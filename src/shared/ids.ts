/** Account ids are short, URL-safe and opaque: `acc_` + 10 random base-36 characters. */
export type AccountId = string

/** The shape of an account id; the contract's `accountIdSchema` validates with it. */
export const ACCOUNT_ID_PATTERN = /^acc_[a-z0-9]{10}$/

/** Creates a fresh account id (uses Web Crypto, present in Node, Electron and browsers). */
export function newAccountId(): AccountId {
  const bytes = new Uint8Array(10)
  crypto.getRandomValues(bytes)
  return `acc_${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`
}
