import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'

/** One column of a {@link VirtualTable}. */
export interface Column<Row> {
  key: string
  header: string
  /** A CSS grid track, e.g. `minmax(8rem, 1fr)` or `7rem`. */
  width: string
  align?: 'start' | 'end'
  render(row: Row): ReactNode
}

const ROW_HEIGHT = 36

/** Keep in step with `.vtable-row` in records.css: its column gap and its padding on both sides. */
const ROW_CHROME = { gap: '0.75rem', padding: '1.7rem' }

/**
 * The narrowest a row can be: the sum of the tracks' minimums (`7rem`, or the first argument of
 * `minmax(8rem, 1fr)`), gaps and padding. Rows get it as `min-width`, so on a narrow window their
 * borders span the whole scrolled width and the header scrolls exactly as far as the body.
 */
function minRowWidth(tracks: readonly string[]): string {
  const minimums = tracks.map((track) => (track.startsWith('minmax(') ? track.slice('minmax('.length, track.indexOf(',')).trim() : track))
  return `calc(${minimums.join(' + ')} + ${Math.max(tracks.length - 1, 0)} * ${ROW_CHROME.gap} + ${ROW_CHROME.padding})`
}

/**
 * A table that renders only the rows in view, so years of history stay smooth. ARIA table roles on
 * a CSS grid (a real `<table>` cannot be virtualised without breaking its layout); the header stays
 * put while the body scrolls.
 */
export function VirtualTable<Row>({ rows, columns, rowKey, label }: { rows: readonly Row[]; columns: readonly Column<Row>[]; rowKey(row: Row): string; label: string }) {
  const scroller = useRef<HTMLDivElement>(null)
  const head = useRef<HTMLDivElement>(null)
  // The component is not memoised by the React Compiler: fine, it re-renders only on scroll and new rows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const template = columns.map((column) => column.width).join(' ')
  const minWidth = minRowWidth(columns.map((column) => column.width))
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div ref={head} role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: template, minWidth }}>
          {columns.map((column) => (
            <div role="columnheader" key={column.key} className={column.align === 'end' ? 'vtable-cell align-end' : 'vtable-cell'}>
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="vtable-body focus-inset"
        role="rowgroup"
        tabIndex={0}
        aria-label={`${label}, scrollable`}
        // On a narrow window the columns are wider than the table and the body scrolls sideways;
        // the header (its own box, so it stays put vertically) follows, keeping each title over its column.
        onScroll={(event) => {
          if (head.current) head.current.scrollLeft = event.currentTarget.scrollLeft
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as Row
            return (
              <div
                role="row"
                aria-rowindex={item.index + 2}
                key={rowKey(row)}
                className="vtable-row"
                data-testid="record-row"
                style={{ gridTemplateColumns: template, minWidth, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {columns.map((column) => (
                  <div role="cell" key={column.key} className={column.align === 'end' ? 'vtable-cell align-end' : 'vtable-cell'}>
                    {column.render(row)}
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
