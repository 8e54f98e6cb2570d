/**
 * Parses RFC 4180 CSV as Coffer's exports write it (quoted fields, doubled quotes, CRLF after every
 * row) into one object per row, keyed by the header row. Deliberately written apart from the
 * exporter, so a test that round-trips an export checks the file, not the exporter against itself.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index += 1
    } else field += char
  }
  const [header, ...body] = rows
  return body.map((cells) => Object.fromEntries((header ?? []).map((name, column) => [name, cells[column] ?? ''])))
}
