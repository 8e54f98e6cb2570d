import { useId } from 'react'
import { useStore, type Theme } from '../store'

const CHOICES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

/** Chooses the colour theme; saved in the preferences. */
export function ThemeSelect() {
  const id = useId()
  const theme = useStore((state) => state.theme)
  const setTheme = useStore((state) => state.setTheme)
  return (
    <div className="theme-select">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={theme} onChange={(event) => void setTheme(event.target.value as Theme)}>
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  )
}
