import { describe, expect, it } from 'vitest'
import { secretSlots } from '../../../../../src/main/core/secrets/secret-store'
import { providerDescriptors } from '../../../../../src/shared/providers'

describe('secretSlots', () => {
  it('holds every secret option a provider declares (removing an account deletes exactly these slots)', () => {
    const secretOptionKeys = Object.values(providerDescriptors).flatMap((descriptor) =>
      descriptor.options.filter((field) => field.kind === 'secret').map((field) => `${descriptor.id}.${field.key}`)
    )
    expect(secretOptionKeys.length).toBeGreaterThan(0)
    for (const entry of secretOptionKeys) {
      expect(secretSlots as readonly string[], `${entry} is stored in the keychain under its option key`).toContain(entry.split('.')[1])
    }
  })

  it('keeps the main key slot', () => {
    expect(secretSlots).toContain('key')
  })
})
