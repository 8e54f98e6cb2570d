/**
 * The `from` day of a rate set before rates had dates (or meant for every day): it covers all
 * history. Kept out of the contract's schema files so screens that only show rates load no zod
 * before their first paint.
 */
export const UNDATED_RATE_DAY = '1970-01-01'
