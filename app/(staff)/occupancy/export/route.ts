import { sql } from 'drizzle-orm';
import { getDb, write } from '@/db';
import { statement } from '@/db/prepared';
import { shelters } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { currentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { mustEnrol } from '@/lib/auth/second-factor';
import { localDay } from '@/lib/calendar/days';
import { occupancyArea } from '@/lib/occupancy/area';
import { toCsv } from '@/lib/occupancy/csv';
import { EXPORT_COLUMNS, occupancyExportRows } from '@/lib/occupancy/export-rows';
import { occupancyByShelter } from '@/lib/occupancy/history';
import { hxlRow, publishedShelterDays, wantsHxl } from '@/lib/occupancy/hxl';
import { historyRange } from '@/lib/occupancy/range';
import { historyShelters, resolveScope } from '@/lib/occupancy/scope';
import { unmetHistory } from '@/lib/occupancy/unmet';

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

const shelterLabels = statement(
  () =>
    sql`select ${shelters.id}, ${shelters.name}, ${shelters.district}, ${shelters.cityId} as cityId, ${shelters.listedPublicly} as listed from ${shelters}`,
);

/**
 * The history as CSV, per shelter per day, with a total row per day for each city of the file and
 * for the whole network in the network's file (lib/occupancy/export-rows.ts): counts only, never a
 * name or a contact. Admins only; each
 * export is written to the audit trail. Bad parameters get a plain answer, not an error page.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  const db = getDb();
  // An admin who must first set up a second factor gets nothing but the enrolment page.
  if (!user || !can(user, 'occupancy.overview') || mustEnrol(db, user)) return refuse(404, 'Not found');
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
  // Every city whose shelters the file can hold, named in English (occupancyArea above).
  const cityNames = new Map(area.cities.map((city) => [city.id, city.name]));
  const labels = new Map(
    (
      shelterLabels(db).all() as {
        id: string;
        name: string;
        district: string;
        cityId: string | null;
        listed: number;
      }[]
    ).map((s) => [
      s.id,
      {
        name: s.name,
        district: s.district,
        cityId: s.cityId,
        city: (s.cityId && cityNames.get(s.cityId)) || '',
        listedPublicly: s.listed === 1,
      },
    ]),
  );
  const hxl = wantsHxl(params);
  // The HXL file is made for publishing: it names only the shelters on the public list.
  const shelterDays = hxl ? publishedShelterDays(byShelter, labels) : [...byShelter].map(([id, days]) => ({ ...labels.get(id)!, days }));
  // Totals: each city of the file, and the network in the network's file; never in one shelter's.
  const fileCities =
    scope === 'network' || 'cityIds' in scope ? area.cities.filter((c) => scope === 'network' || scope.cityIds.includes(c.id)) : [];
  const rows: (string | number)[][] = [
    [...EXPORT_COLUMNS],
    ...(hxl ? [hxlRow(EXPORT_COLUMNS)] : []),
    ...occupancyExportRows(
      shelterDays,
      fileCities.map((city) => ({ id: city.id, name: city.name, unmet: unmetHistory(db, range.from, range.to, now, [city.id]) })),
      scope === 'network' ? unmetHistory(db, range.from, range.to, now) : null,
    ),
  ];
  write(db, (tx) =>
    recordAudit(tx, { at: now, actorId: user.id, action: 'occupancy.export', entity: 'occupancy', entityId: null, shelterId }),
  );
  const what = shelterId ? 'shelter' : scope === 'network' ? 'network' : (area.city?.slug ?? 'cities');
  const filename = `waystation-occupancy-${what}-${range.from}-to-${range.to}.csv`;
  return new Response(toCsv(rows, { bom: !hxl }), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
