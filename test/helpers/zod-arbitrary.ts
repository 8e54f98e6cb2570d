import fc from 'fast-check'
import type { z } from 'zod'

/** What {@link nearlyValid} draws plain strings from, besides random text. */
export interface ArbitraryPool {
  /** Strings that mean something to the ledger: ids of rows that exist, units, dates, URLs. */
  strings: readonly string[]
}

/** A zod 4 schema's definition, as far as this generator reads it (`schema._zod.def`). */
interface Def {
  type: string
  checks?: { _zod: { def: CheckDef } }[]
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  options?: z.ZodType[]
  innerType?: z.ZodType
  in?: z.ZodType
  getter?: () => z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  entries?: Record<string, string | number>
  values?: unknown[]
  items?: z.ZodType[]
  left?: z.ZodType
  right?: z.ZodType
}
interface CheckDef {
  check: string
  format?: string
  pattern?: RegExp
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/**
 * Payloads shaped like `schema` (zod 4) but wrong somewhere: at every node, one draw in `1 / wrongOneIn`
 * is any value at all (fc.anything), the rest follow the node's type, ranges and patterns. So most
 * payloads pass the outer checks and reach the handler, where a half-applied write would show.
 * Refinements (`.refine`) are not satisfied on purpose: they are what the handlers must refuse.
 */
export function nearlyValid(schema: z.ZodType, pool: ArbitraryPool, wrongOneIn = 30, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedAs(schema, pool, wrongOneIn, depth)
  if (depth > 6) return shaped
  return fc.oneof({ weight: wrongOneIn - 1, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) })
}

function shapedAs(schema: z.ZodType, pool: ArbitraryPool, wrongOneIn: number, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  const next = (inner: z.ZodType): fc.Arbitrary<unknown> => nearlyValid(inner, pool, wrongOneIn, depth + 1)
  const checks = (def.checks ?? []).map((check) => check._zod.def)
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {}
      const keys = Object.keys(shape)
      // Optional keys come and go; fc.record leaves out a key only when told it may.
      return fc.record(Object.fromEntries(keys.map((key) => [key, next(shape[key] as z.ZodType)])), { requiredKeys: keys.filter((key) => !isOptional(shape[key] as z.ZodType)) })
    }
    case 'array': {
      const max = checks.find((check) => check.check === 'max_length')?.maximum ?? 5
      return fc.array(next(def.element as z.ZodType), { maxLength: Math.min(max, 5) })
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map(next))
    case 'optional':
    case 'default':
    case 'prefault':
      // Left out half the time: each optional field present is one more chance to be refused early.
      return fc.option(next(def.innerType as z.ZodType), { nil: undefined, freq: 2 })
    case 'nullable':
      return fc.option(next(def.innerType as z.ZodType), { nil: null })
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return next(def.innerType as z.ZodType)
    case 'pipe':
      return next(def.in as z.ZodType)
    case 'lazy':
      return next((def.getter as () => z.ZodType)())
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('unit', 'url', 'balancePath', '__proto__', 'constructor')), next(def.valueType as z.ZodType), { maxKeys: 4 })
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(next))
    case 'intersection':
      return next(def.left as z.ZodType)
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { none: 'none' }))
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]))
    case 'boolean':
      return fc.boolean()
    case 'number':
      return numberLike(checks)
    case 'string':
      return stringLike(checks, pool)
    default:
      return fc.anything({ maxDepth: 2 })
  }
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type
  return type === 'optional' || type === 'default' || type === 'prefault'
}

function numberLike(checks: CheckDef[]): fc.Arbitrary<number> {
  const low = checks.find((check) => check.check === 'greater_than')
  const high = checks.find((check) => check.check === 'less_than')
  const integer = checks.some((check) => check.check === 'number_format')
  const min = low?.value ?? -1e6
  const max = high?.value ?? 1e6
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true })
  // Small numbers name rows that exist (alert, rule, credit ids start at 1); the edges and just past
  // them are where off-by-one refusals live.
  const small = fc.integer({ min: Math.max(Math.ceil(min), 0), max: Math.max(Math.min(Math.floor(max), 8), 0) })
  return fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 3, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 0.5) })
}

function stringLike(checks: CheckDef[], pool: ArbitraryPool): fc.Arbitrary<string> {
  const max = checks.find((check) => check.check === 'max_length')?.maximum ?? 64
  const pattern = checks.find((check) => check.check === 'string_format' && check.format === 'regex')?.pattern
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 1, arbitrary: fc.string({ maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: fc.constantFrom(...pool.strings) }
  ]
  if (pattern) {
    // Values that exist and fit (an account id of the ledger) first, then any that fit the pattern.
    const fitting = pool.strings.filter((text) => pattern.test(text))
    if (fitting.length > 0) options.push({ weight: 4, arbitrary: fc.constantFrom(...fitting) })
    options.push({ weight: 3, arbitrary: fc.stringMatching(pattern).filter((text) => text.length <= max) })
  }
  return fc.oneof(...options)
}
