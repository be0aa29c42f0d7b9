/** Byte order mark: without it, spreadsheet programs read UTF-8 names (Fatih, Фатих) as mojibake. */
const BOM = '\uFEFF';

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return before one) is prefixed with an apostrophe; quotes, commas and line breaks are quoted.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The file's text. The staff file starts with a byte order mark for spreadsheets; the published (HXL)
 * file does not, since a parser that does not expect one reads it into the first column's name.
 */
export function toCsv(rows: (string | number)[][], { bom = true } = {}): string {
  return (bom ? BOM : '') + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
