import { useEffect, useState } from 'react'
import { useStore } from '../../store'

/** Series colours, distinguishable in light and dark themes (Okabe–Ito inspired). */
export const SERIES_COLORS = ['#2f7fd1', '#e08a1e', '#2aa876', '#c8508a', '#8a6bd6', '#c9b31e', '#4fb3c9', '#d1553f']

/** The theme's colours a canvas chart needs (canvas cannot read CSS variables itself). */
export interface ChartColors {
  text: string
  muted: string
  grid: string
  /** A plain bar (`--border-strong`). */
  bar: string
  /** The best option (`--ok`). */
  highlight: string
  /** What the user has now (`--accent`). */
  current: string
}

/** Each colour's CSS variable and the fallback used when the variable is unset. */
const VARIABLES: Record<keyof ChartColors, [name: string, fallback: string]> = {
  text: ['--text', '#1b1f24'],
  muted: ['--muted', '#5d6673'],
  grid: ['--border', '#dde1e6'],
  bar: ['--border-strong', '#c3c9d1'],
  highlight: ['--ok', '#1b7343'],
  current: ['--accent', '#2a64d2']
}

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement)
  // Variables may hold light-dark(), which resolves on `color` only: a probe element's computed
  // colour turns each into the one rgb() value of the current scheme.
  const probe = document.createElement('span')
  probe.style.display = 'none'
  document.body.appendChild(probe)
  const resolve = ([name, fallback]: [string, string]): string => {
    const raw = style.getPropertyValue(name).trim() || fallback
    probe.style.color = raw
    return getComputedStyle(probe).color || raw
  }
  const colors = Object.fromEntries(Object.entries(VARIABLES).map(([key, variable]) => [key, resolve(variable)])) as unknown as ChartColors
  probe.remove()
  return colors
}

/** The chart colours of the current theme, re-read when the user picks another theme or the OS switches light/dark. */
export function useChartColors(): ChartColors {
  const theme = useStore((state) => state.theme)
  const [colors, setColors] = useState<ChartColors>(readColors)
  useEffect(() => {
    // The data-theme attribute is applied in an effect too: wait a frame so it is in place.
    const frame = requestAnimationFrame(() => setColors(readColors()))
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => setColors(readColors())
    media.addEventListener('change', onChange)
    return () => {
      cancelAnimationFrame(frame)
      media.removeEventListener('change', onChange)
    }
  }, [theme])
  return colors
}
