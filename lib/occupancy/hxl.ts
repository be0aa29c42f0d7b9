import type { DayFigures } from './maths';
import { addDayFigures } from './summary';

/**
 * The HXL (Humanitarian Exchange Language, hxlstandard.org) hashtag row that `?hxl=1` puts under the
 * occupancy CSV's header, so humanitarian tools (HDX, HXL Proxy, Kobo) read the columns without a
 * mapping. Core hashtags, refined by attributes:
 * - a shelter is a named site that is no administrative area: #loc (HXL's camps, collective
 *   centres); its district within the city #adm2, the city #adm1 (Istanbul is a province, Yerevan
 *   a first-level division). The network's own rows carry "(network)" as their site.
 * - beds are the network's response capacity, #capacity ("25 beds"), split by +occupied/+reserved
 *   the way HXL splits a total by attributes (#affected, #affected+f).
 * - households placed, checking in and out are households reached with a bed: #reached+hh.
 * - unmet demand is households in need and not helped: #inneed+hh, +m/+f for single men and women.
 * A column not listed here gets an empty cell, which HXL reads as "not tagged".
 */
export const HXL_TAGS: Readonly<Record<string, string>> = {
  date: '#date',
  city: '#adm1+name',
  shelter: '#loc+name',
  district: '#adm2+name',
  beds_in_service: '#capacity+beds',
  occupied: '#capacity+beds+occupied',
  reserved: '#capacity+beds+reserved',
  arrivals: '#reached+hh+placed',
  check_ins: '#reached+hh+checked_in',
  check_outs: '#reached+hh+checked_out',
  unmet_waited_men: '#inneed+hh+m+waited',
  unmet_waited_women: '#inneed+hh+f+waited',
  unmet_waited_families: '#inneed+hh+families+waited',
  no_fit_men: '#inneed+hh+m+no_fit',
  no_fit_women: '#inneed+hh+f+no_fit',
  no_fit_families: '#inneed+hh+families+no_fit',
};

/** The hashtag row for a CSV with these columns. */
export function hxlRow(columns: readonly string[]): string[] {
  return columns.map((column) => HXL_TAGS[column] ?? '');
}

/** `?hxl=1` asks for the row; anything else leaves the CSV as it was. */
export const wantsHxl = (params: Record<string, string>) => params.hxl === '1';

/** Shelter column of the published file's row adding up the shelters that are not on the public list. */
export const OTHER_SHELTERS_ROW = '(other shelters)';

type ShelterLabel = { name: string; district: string; listedPublicly: boolean };
export type ShelterDays = { name: string; district: string; days: DayFigures[] };

/**
 * The shelter rows of a file made for publishing: a shelter that chose to be on the public list by its
 * name and district; the others, which chose not to be, added up day by day into one unnamed row, so
 * that the totals still count their beds and households without telling where they are.
 */
export function publishedShelterDays(byShelter: Map<string, DayFigures[]>, labels: Map<string, ShelterLabel>): ShelterDays[] {
  const listed: ShelterDays[] = [];
  let others: DayFigures[] | null = null;
  for (const [id, days] of byShelter) {
    const { name, district, listedPublicly } = labels.get(id)!;
    if (listedPublicly) listed.push({ name, district, days });
    else others = others ? others.map((day, i) => addDayFigures(day, days[i])) : days;
  }
  return others ? [...listed, { name: OTHER_SHELTERS_ROW, district: '', days: others }] : listed;
}
