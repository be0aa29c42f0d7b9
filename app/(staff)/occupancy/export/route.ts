import { getDb, write } from '@/db';
import { recordAudit } from '@/lib/audit';
import { currentUser } from '@/lib/auth/current-user';
import { mustEnrol } from '@/lib/auth/second-factor';
import { occupancyArea } from '@/lib/occupancy/area';
import { cityRow, networkUnmetRows, toCsv, UNMET_COLUMNS } from '@/lib/occupancy/csv';
import { localDay } from '@/lib/occupancy/days';
import { occupancyByShelter } from '@/lib/occupancy/history';
import { hxlRow, publishedShelterDays, wantsHxl } from '@/lib/occupancy/hxl';
import { historyRange } from '@/lib/occupancy/range';
import { historyShelters, resolveScope } from '@/lib/occupancy/scope';
import { unmetHistory } from '@/lib/occupancy/unmet';

const COLUMNS = [
  'date',
  'shelter',
  'district',
  'beds_in_service',
  'occupied',
  'reserved',
  'arrivals',
  'check_ins',
  'check_outs',
  ...UNMET_COLUMNS,
];

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * The history as CSV, per shelter per day, and for the whole network (or each city of a city's file) a row per day of unmet demand:
 * counts only, never a name or a contact. Admins only; each
 * export is written to the audit trail. Bad parameters get a plain answer, not an error page.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  const db = getDb();
  // An admin who must first set up a second factor gets nothing but the enrolment page.
  if (!user || user.role !== 'admin' || mustEnrol(db, user)) return refuse(404, 'Not found');
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const now = new Date();
  // An admin of some cities exports only their cities' shelters; ?city= narrows to one of them.
  const area = occupancyArea(db, user, params.city, 'en');
  if (area.unknownCity) return refuse(400, 'Unknown city: choose one from the history page.');
  const choices = historyShelters(db, user, area.cityIds);
  const { scope, timeZone, unknownShelter } = resolveScope(user, choices, params.shelter, area);
  if (unknownShelter || !scope) return refuse(400, 'Unknown shelter: choose one from the history page.');
  const range = historyRange(params, localDay(now.getTime(), timeZone));
  if (range.problem)
    return refuse(
      400,
      `Invalid date range (${range.problem}): dates are YYYY-MM-DD, from before to, not in the future, at most two years.`,
    );
  const shelterId = scope !== 'network' && 'shelterId' in scope ? scope.shelterId : null;
  const byShelter = occupancyByShelter(
    db,
    shelterId ? [shelterId] : scope === 'network' ? null : choices.map((c) => c.id),
    range.from,
    range.to,
    now,
  );
  const labels = new Map(
    (
      db.$client.prepare('select id, name, district, listed_publicly as listed from shelters').all() as {
        id: string;
        name: string;
        district: string;
        listed: number;
      }[]
    ).map((s) => [s.id, { name: s.name, district: s.district, listedPublicly: s.listed === 1 }]),
  );
  // The HXL file is made for publishing: it names only the shelters on the public list.
  const shelterDays = wantsHxl(params)
    ? publishedShelterDays(byShelter, labels)
    : [...byShelter].map(([id, days]) => ({ ...labels.get(id)!, days }));
  const rows: (string | number)[][] = [COLUMNS];
  for (const shelter of shelterDays) {
    for (const day of shelter.days)
      rows.push([
        day.day,
        shelter.name,
        shelter.district,
        day.bedsInService,
        day.occupied,
        day.reserved,
        day.placed,
        day.checkedIn,
        day.checkedOut,
        ...UNMET_COLUMNS.map(() => ''),
      ]);
  }
  // Unmet demand: the network's rows, or a row per day for each city of the file (never a shelter's).
  if (scope === 'network') rows.push(...networkUnmetRows(unmetHistory(db, range.from, range.to, now)));
  else if ('cityIds' in scope) {
    for (const city of area.cities.filter((c) => scope.cityIds.includes(c.id))) {
      rows.push(...networkUnmetRows(unmetHistory(db, range.from, range.to, now, [city.id]), cityRow(city.name)));
    }
  }
  if (wantsHxl(params)) rows.splice(1, 0, hxlRow(COLUMNS));
  write(db, (tx) =>
    recordAudit(tx, { at: now, actorId: user.id, action: 'occupancy.export', entity: 'occupancy', entityId: null, shelterId }),
  );
  const what = shelterId ? 'shelter' : scope === 'network' ? 'network' : (area.city?.slug ?? 'cities');
  const filename = `waystation-occupancy-${what}-${range.from}-to-${range.to}.csv`;
  return new Response(toCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
