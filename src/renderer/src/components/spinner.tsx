/** A small spinning ring; hidden from screen readers (pair it with text). Stops under reduced motion. */
export function Spinner({ size = 'small' }: { size?: 'small' | 'large' }) {
  return <span className={`spinner spinner-${size}`} aria-hidden="true" />
}
