import type { ExportShelter } from './export-rows';
import type { DayFigures } from './maths';
import { addDayFigures } from './summary';

/**
 * The HXL (Humanitarian Exchange Language, hxlstandard.org) hashtag row that `?hxl=1` puts under the
 * occupancy CSV's header, so humanitarian tools (HDX, HXL Proxy, Kobo) read the columns without a
 * mapping. Core hashtags, refined by attributes:
 * - a shelter is a named site that is no administrative area: #loc (HXL's camps, collective
 *   centres); its district within the city #adm2, the city #adm1 (Istanbul is a province, Yerevan
 *   a first-level division), so a client splits the file by city on #adm1.
 * - a row adding up a city or the network says so in #meta+total ("city", "network"): #meta is the
 *   dictionary's hashtag for data about the record, not about the crisis; a shelter row leaves it
 *   empty. The totals name no #loc, so no tool takes them for a site.
 * - beds are the network's response capacity, #capacity ("25 beds"), split by +occupied/+reserved
 *   the way HXL splits a total by attributes (#affected, #affected+f).
 * - households placed, checking in and out are households reached with a bed: #reached+hh.
 * - unmet demand is households in need and not helped: #inneed+hh, +m/+f for single men and women.
 * A column not listed here gets an empty cell, which HXL reads as "not tagged".
 */
export const HXL_TAGS: Readonly<Record<string, string>> = {
  date: '#date',
  city: '#adm1+name',
  total: '#meta+total',
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

/** Shelter column of the published file's row adding up, in one city, the shelters not on the public list. */
export const OTHER_SHELTERS_ROW = '(other shelters)';

type ShelterLabel = { name: string; district: string; listedPublicly: boolean; cityId: string | null; city: string };

/**
 * The shelter rows of a file made for publishing: a shelter that chose to be on the public list by its
 * name and district; the others of each city, which chose not to be, added up day by day into one
 * unnamed row of that city, so that the city's and the network's totals still count their beds and
 * households without telling where they are.
 */
export function publishedShelterDays(byShelter: Map<string, DayFigures[]>, labels: Map<string, ShelterLabel>): ExportShelter[] {
  const listed: ExportShelter[] = [];
  const others = new Map<string | null, ExportShelter>();
  for (const [id, days] of byShelter) {
    const { name, district, listedPublicly, cityId, city } = labels.get(id)!;
    if (listedPublicly) {
      listed.push({ name, district, cityId, city, days });
      continue;
    }
    const sum = others.get(cityId);
    others.set(
      cityId,
      sum
        ? { ...sum, days: sum.days.map((day, i) => addDayFigures(day, days[i])) }
        : { name: OTHER_SHELTERS_ROW, district: '', cityId, city, days },
    );
  }
  return [...listed, ...others.values()];
}
