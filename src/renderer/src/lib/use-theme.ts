import { useEffect } from 'react'
import { useStore } from '../store'

/**
 * Mirrors the chosen theme onto `<html data-theme>`. `system` removes the attribute, so the CSS
 * follows `prefers-color-scheme`.
 */
export function useApplyTheme(): void {
  const theme = useStore((state) => state.theme)
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') root.removeAttribute('data-theme')
    else root.setAttribute('data-theme', theme)
  }, [theme])
}
