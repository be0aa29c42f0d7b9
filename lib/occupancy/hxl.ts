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
