import { useEffect, useState } from 'react'
import { useStore } from '../../store'

/** Colours a chart needs, read from the theme's CSS variables. */
export interface ChartColors {
  text: string
  muted: string
  grid: string
  bar: string
  highlight: string
  current: string
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement)
  const value = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  return {
    text: value('--text', '#1b1f24'),
    muted: value('--muted', '#5d6673'),
    grid: value('--border', '#dde1e6'),
    bar: value('--border-strong', '#c3c9d1'),
    highlight: value('--ok', '#1b7343'),
    current: value('--accent', '#2a64d2')
  }
}

/**
 * The theme's chart colours, re-read when the user picks another theme or the OS switches between
 * light and dark (canvas charts cannot use CSS variables directly). `light-dark()` values resolve
 * on `color` only, so each variable is resolved through a probe element's computed colour.
 */
export function useChartColors(): ChartColors {
  const theme = useStore((state) => state.theme)
  const [colors, setColors] = useState<ChartColors>(() => resolve())
  useEffect(() => {
    // The data-theme attribute is applied in an effect too: wait a frame so it is in place.
    const frame = requestAnimationFrame(() => setColors(resolve()))
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => setColors(resolve())
    media.addEventListener('change', onChange)
    return () => {
      cancelAnimationFrame(frame)
      media.removeEventListener('change', onChange)
    }
  }, [theme])
  return colors
}

function resolve(): ChartColors {
  const raw = read()
  const probe = document.createElement('span')
  probe.style.display = 'none'
  document.body.appendChild(probe)
  const resolved = Object.fromEntries(
    Object.entries(raw).map(([key, color]) => {
      probe.style.color = color
      return [key, getComputedStyle(probe).color || color]
    })
  ) as unknown as ChartColors
  probe.remove()
  return resolved
}
