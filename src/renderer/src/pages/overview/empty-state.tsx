import { providerDescriptors } from '../../../../shared/providers'

/** The first-run page: what Coffer does, how keys are kept, and the way in. */
export function EmptyState({ onAdd }: { onAdd(): void }) {
  const providers = Object.values(providerDescriptors)
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Know what’s left on every AI API key</h2>
      <p className="lead">
        Coffer checks your providers’ balances on a schedule, keeps the history on this computer, and tells you how
        fast credit goes and where to top up.
      </p>
      <button type="button" className="button button-primary button-large" onClick={onAdd}>
        Add your first account
      </button>
      <div className="empty-facts">
        <div>
          <h3>Supported providers</h3>
          <ul className="provider-list">
            {providers.map((provider) => (
              <li key={provider.id} title={provider.note}>
                {provider.name}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Your keys stay yours</h3>
          <p>
            Keys go straight into your operating system’s keychain. Coffer never writes them to its database, logs or
            exports, and this page never sees them again after you add them.
          </p>
        </div>
      </div>
    </section>
  )
}
