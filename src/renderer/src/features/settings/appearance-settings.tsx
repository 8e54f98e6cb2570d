import { useStore, type Theme } from '../../store'

const CHOICES: { value: Theme; label: string; help: string }[] = [
  { value: 'system', label: 'System', help: 'follows your operating system' },
  { value: 'light', label: 'Light', help: 'always light' },
  { value: 'dark', label: 'Dark', help: 'always dark' }
]

/**
 * The colour theme as radio buttons. It reads and writes the same store field as the header's
 * Theme select, so the two always agree; the store saves it in the preferences.
 */
export function AppearanceSettings() {
  const theme = useStore((state) => state.theme)
  const setTheme = useStore((state) => state.setTheme)
  return (
    <section className="panel settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance" className="settings-section-title">
        Appearance
      </h2>
      <fieldset className="settings-choices">
        <legend className="field-label">Theme</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="checkbox">
            <input type="radio" name="settings-theme" value={choice.value} checked={theme === choice.value} onChange={() => void setTheme(choice.value)} />
            {choice.label} <span className="muted">({choice.help})</span>
          </label>
        ))}
      </fieldset>
    </section>
  )
}
