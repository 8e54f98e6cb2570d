import { homedir } from 'node:os'
import { basename, join, resolve } from 'node:path'

/** Where a process looks: its environment and home folder (tests pass their own). */
export interface LogEnvironment {
  env: Readonly<Record<string, string | undefined>>
  home: string
}

export function processEnvironment(): LogEnvironment {
  return { env: process.env, home: homedir() }
}

/** `~` and `~/…` expanded, then made absolute. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home
  if (path.startsWith('~/')) return join(home, path.slice(2))
  return resolve(path)
}

function split(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

/**
 * Claude Code's transcript folders. The `dir` option (comma separated) wins; else every folder of
 * `CLAUDE_CONFIG_DIR` (comma separated) + `/projects`; else `$XDG_CONFIG_HOME/claude/projects`
 * (default `~/.config/claude/projects`) and `~/.claude/projects` — as ccusage resolves them
 * (github.com/ryoppippi/ccusage, rust/crates/ccusage/src/adapter/claude/paths.rs `claude_paths`).
 */
export function claudeCodeDirs(dirOption: string | undefined, environment: LogEnvironment): string[] {
  const { env, home } = environment
  if (dirOption?.trim()) return unique(split(dirOption).map((dir) => expandHome(dir, home)))
  const configured = env.CLAUDE_CONFIG_DIR?.trim()
  if (configured) {
    // ccusage accepts the config folder or its projects/ folder itself.
    return unique(split(configured).map((dir) => expandHome(dir, home)).map((dir) => (basename(dir) === 'projects' ? dir : join(dir, 'projects'))))
  }
  const xdg = env.XDG_CONFIG_HOME?.trim() ? expandHome(env.XDG_CONFIG_HOME.trim(), home) : join(home, '.config')
  return unique([join(xdg, 'claude', 'projects'), join(home, '.claude', 'projects')])
}

/**
 * Codex's session folders: the `dir` option (comma separated), else `$CODEX_HOME/sessions` and
 * `$CODEX_HOME/archived_sessions` with `CODEX_HOME` defaulting to `~/.codex` (ccusage
 * adapter/codex/README.md; Codex resolves CODEX_HOME the same way).
 */
export function codexDirs(dirOption: string | undefined, environment: LogEnvironment): string[] {
  const { env, home } = environment
  if (dirOption?.trim()) return unique(split(dirOption).map((dir) => expandHome(dir, home)))
  const codexHome = env.CODEX_HOME?.trim() ? expandHome(env.CODEX_HOME.trim(), home) : join(home, '.codex')
  return [join(codexHome, 'sessions'), join(codexHome, 'archived_sessions')]
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)]
}
