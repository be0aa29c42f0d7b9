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

export function toCsv(rows: (string | number)[][]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const UNMET_COLUMNS = [
  'unmet_waited_men',
  'unmet_waited_women',
  'unmet_waited_families',
  'no_fit_men',
  'no_fit_women',
  'no_fit_families',
];

/** Shelter column of the network's own rows: unmet demand belongs to no shelter. */
export const NETWORK_ROW = '(network)';
/** Shelter column of a city's own rows, in a city's file. */
export const cityRow = (cityName: string) => `(city: ${cityName})`;

type UnmetDay = { day: string; waited: Record<'men' | 'women' | 'families', number>; noFit: Record<'men' | 'women' | 'families', number> };

/**
 * One row per network day with its unmet demand, the network's or (labelled cityRow) a city's. Its bed
 * and household columns stay empty, and the shelter rows leave the unmet columns empty, so summing any
 * column over the file never counts twice.
 */
export function networkUnmetRows(days: UnmetDay[], label = NETWORK_ROW): (string | number)[][] {
  return days.map(({ day, waited, noFit }) => [
    day,
    label,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    waited.men,
    waited.women,
    waited.families,
    noFit.men,
    noFit.women,
    noFit.families,
  ]);
}
