import type { Migration } from './migration'

/**
 * Issue 13.3: a poll can succeed with its primary figure while a secondary endpoint failed (xAI's
 * usage, OpenRouter's activity, DeepSeek saying the API is blocked). `poll_runs.warning` holds that
 * sentence, naming what could not be read; it is `NULL` for clean polls and for every run written
 * before this step, which all were either clean or failed as a whole.
 */
export const pollWarningsSchema: Migration = {
  version: 110,
  name: 'poll-warnings',
  up: (db) => {
    db.exec(`ALTER TABLE poll_runs ADD COLUMN warning TEXT`)
  }
}
