import { useEffect, useState } from 'react'
import { useStore } from '../../store'

/** Series colours, distinguishable in light and dark themes (Okabe–Ito inspired). */
export const SERIES_COLORS = ['#2f7fd1', '#e08a1e', '#2aa876', '#c8508a', '#8a6bd6', '#c9b31e', '#4fb3c9', '#d1553f']

/** Text and grid colours of the current theme, for canvas charts (which cannot read CSS variables). */
export interface ChartTheme {
  text: string
  muted: string
  grid: string
}

function resolveVariable(name: string, fallback: string): string {
  const raw = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
  // Variables may hold light-dark(); a probe's computed colour resolves it to one rgb() value.
  const probe = document.createElement('span')
  probe.style.display = 'none'
  probe.style.color = raw
  document.body.appendChild(probe)
  const resolved = getComputedStyle(probe).color || raw
  probe.remove()
  return resolved
}

const read = (): ChartTheme => ({ text: resolveVariable('--text', '#1b1f24'), muted: resolveVariable('--muted', '#5d6673'), grid: resolveVariable('--border', '#dde1e6') })

/** The chart theme, re-read when the user switches themes or the OS switches light/dark. */
export function useChartTheme(): ChartTheme {
  const theme = useStore((state) => state.theme)
  const [colors, setColors] = useState<ChartTheme>(read)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setColors(read()))
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => setColors(read())
    media.addEventListener('change', onChange)
    return () => {
      cancelAnimationFrame(frame)
      media.removeEventListener('change', onChange)
    }
  }, [theme])
  return colors
}
