import type { SimRequest, SimResponse } from '../provider-simulator'

/** Poe `GET /usage/current_balance`: `{ current_point_balance }` (creator.poe.com/api-reference/getCurrentBalance). */
export function poeBalance(points: number | string): SimResponse {
  return { body: { current_point_balance: points } }
}

/** One history entry: when (ISO), which bot, how many points. */
export interface PoeEntry {
  at: string
  bot: string
  points: number
}

/**
 * Poe `GET /usage/points_history` (creator.poe.com/api-reference/getPointsHistory): newest first,
 * `limit` per page (default 20), `starting_after=<query_id>` for the next page, `creation_time`
 * in Unix microseconds. Pages through `entries` exactly as Poe would.
 */
export function poeHistory(entries: readonly PoeEntry[]): (req: SimRequest) => SimResponse {
  const rows = [...entries]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((entry, index) => ({
      creation_time: Date.parse(entry.at) * 1000,
      bot_name: entry.bot,
      query_id: `q${index + 1}`,
      usage_type: 'API',
      cost_points: entry.points
    }))
  return (req) => {
    const limit = Math.min(100, Number(req.query.get('limit') ?? 20))
    const after = req.query.get('starting_after')
    const start = after ? rows.findIndex((row) => row.query_id === after) + 1 : 0
    const data = rows.slice(start, start + limit)
    return { body: { has_more: start + limit < rows.length, length: data.length, data } }
  }
}
