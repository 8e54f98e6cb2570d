/**
 * Runway in words, one way everywhere (card, alerts, tray, `coffer status`, overview): whole days
 * rounded down, because "about 7 days" for 6.6 days promises a day that is not there.
 */
export function runwayText(days: number): string {
  if (days < 1) return 'less than a day'
  const whole = Math.floor(days)
  return `about ${whole} day${whole === 1 ? '' : 's'}`
}
