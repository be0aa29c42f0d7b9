import type { DayFigures } from './maths';
import { addDayFigures } from './summary';
import type { UnmetDay } from './unmet';

/** The occupancy CSV's columns, the staff file's and the published (HXL) file's alike. */
export const EXPORT_COLUMNS = [
  'date',
  'shelter',
  'city',
  'district',
  'beds_in_service',
  'occupied',
  'reserved',
  'arrivals',
  'check_ins',
  'check_outs',
  'unmet_waited_men',
  'unmet_waited_women',
  'unmet_waited_families',
  'no_fit_men',
  'no_fit_women',
  'no_fit_families',
  'total',
] as const;

/** A shelter row's source: `city` is its city's name ('' for none), `cityId` ties it to its city's total. */
export type ExportShelter = { name: string; district: string; cityId: string | null; city: string; days: DayFigures[] };
export type ExportCity = { id: string; name: string; unmet: UnmetDay[] };
type Row = (string | number)[];

const bedCells = (day: DayFigures): Row => [day.bedsInService, day.occupied, day.reserved, day.placed, day.checkedIn, day.checkedOut];
const unmetCells = ({ waited, noFit }: UnmetDay): Row => [
  waited.men,
  waited.women,
  waited.families,
  noFit.men,
  noFit.women,
  noFit.families,
];
const NO_UNMET: Row = ['', '', '', '', '', ''];

/** The shelters' figures added up day by day; a day no shelter has counts zero beds. */
function addedUp(shelters: ExportShelter[], day: string): Row {
  const figures = shelters
    .map((shelter) => shelter.days.find((d) => d.day === day))
    .filter((d): d is DayFigures => d !== undefined)
    .reduce<DayFigures | null>((sum, d) => (sum ? addDayFigures(sum, d) : d), null);
  return figures ? bedCells(figures) : [0, 0, 0, 0, 0, 0];
}

/**
 * The file's rows under its header: one per shelter per day, named with its city; then for each city
 * of the file a row per day adding up its shelters and carrying its households turned away; then, in
 * the network's file, a row per day for the whole network. A total row names no shelter and says what
 * it adds up in the `total` column ("city", "network"); a shelter row leaves it empty, so a reader
 * that keeps the rows with an empty `total` sums shelters without counting anything twice, and one
 * that keeps a city's rows (its `city` column) has that city's shelters and total.
 */
export function occupancyExportRows(shelters: ExportShelter[], cities: ExportCity[], network: UnmetDay[] | null): Row[] {
  const rows: Row[] = [];
  for (const shelter of shelters) {
    for (const day of shelter.days) rows.push([day.day, shelter.name, shelter.city, shelter.district, ...bedCells(day), ...NO_UNMET, '']);
  }
  for (const city of cities) {
    const own = shelters.filter((shelter) => shelter.cityId === city.id);
    for (const day of city.unmet) rows.push([day.day, '', city.name, '', ...addedUp(own, day.day), ...unmetCells(day), 'city']);
  }
  for (const day of network ?? []) rows.push([day.day, '', '', '', ...addedUp(shelters, day.day), ...unmetCells(day), 'network']);
  return rows;
}
