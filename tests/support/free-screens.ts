import type { Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { publicList } from '@/lib/cities/public';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { networkNow } from '@/lib/occupancy/now';
import { networkAvailability } from '@/lib/placement/availability';
import { freeTonightByShelter } from '@/lib/placement/batch';
import { applyExpiry } from '@/lib/placement/read';
import { shelterBoard } from '@/lib/shelters/board';
import { shelterList } from '@/lib/shelters/list';

/**
 * Free beds tonight worked out straight from the tables, apart from lib/occupancy/free-tonight.ts:
 * for each shelter, its beds in service less those of a room or shelter closed tonight, less those a
 * live stay holds tonight. A stay holds a bed tonight when the bed is among its unreleased beds and
 * either it is checked in (a guest is in their bed until checked out: check-in comes on the first
 * night, and a move releases the old beds), or it is a reservation whose hold has not passed and
 * tonight is one of its nights. `beds` counts the beds whatever the shelter's status; `offered` only
 * an open shelter's. Surge beds (decision 0026) are counted apart, those laid out tonight only:
 * `surge` and `offeredSurge`.
 */
type LedgerFree = { cityId: string | null; status: string; beds: number; offered: number; surge: number; offeredSurge: number };

export function freeFromLedger(db: Db, now: Date): Map<string, LedgerFree> {
  const shelters = db.$client.prepare('select id, city_id, status, time_zone from shelters').all() as {
    id: string;
    city_id: string | null;
    status: string;
    time_zone: string;
  }[];
  const result = new Map<string, LedgerFree>();
  for (const shelter of shelters) {
    const tonight = tonightIn(shelter.time_zone, now);
    // The rooms' own beds (surge: 0) and, apart, the surge beds laid out tonight (surge: 1).
    const free = (surge: 0 | 1) =>
      db.$client
        .prepare(
          `select count(*) from beds b join rooms r on r.id = b.room_id
            where r.shelter_id = @shelter and b.out_of_service_reason is null
              and (b.surge_kind is not null) = @surge
              and (b.surge_kind is null or (b.surge_first_night <= @tonight and b.surge_last_night >= @tonight))
              and not exists (select 1 from shelter_closures c where c.shelter_id = @shelter and (c.room_id is null or c.room_id = r.id)
                                and c.first_night <= @tonight and c.last_night >= @tonight)
              and not exists (select 1 from stay_beds sb join stays s on s.id = sb.stay_id
                               where sb.bed_id = b.id and sb.released_at is null
                                 and (s.status = 'checked_in'
                                   or (s.status = 'reserved' and s.hold_until > @now and s.first_night <= @tonight and s.departure > @tonight)))`,
        )
        .pluck()
        .get({ shelter: shelter.id, tonight, now: now.getTime(), surge }) as number;
    const [beds, surge] = [free(0), free(1)];
    const open = shelter.status === 'open';
    result.set(shelter.id, {
      cityId: shelter.city_id,
      status: shelter.status,
      beds,
      offered: open ? beds : 0,
      surge,
      offeredSurge: open ? surge : 0,
    });
  }
  return result;
}

/** `surge`: the free surge beds the screen shows apart, where it shows them (decision 0026). */
export type ScreenFigure = { screen: string; shelterId?: string; cityId?: string; free: number; surge?: number };

/**
 * Every figure of free beds tonight the app shows, read through each screen's own loader, as its page
 * reads it: per shelter (bed board, the staff list of shelters, the admin's now, /shelters, the
 * place-several list, the suggestions' read of tonight, the forecast's first night) and per city
 * (the admin's now for that city, open and paused apart). The pages that release holds past their
 * time before reading (lib/placement/read.ts applyExpiry) are read after it, the others before, so
 * a hold past its time that nobody has swept yet is seen as those pages see it.
 */
export function screenFigures(db: Db, now: Date, admin: StaffUser, cityIds: string[]): ScreenFigure[] {
  const figures: ScreenFigure[] = [];
  const shelters = db.$client.prepare('select id, city_id, time_zone from shelters').all() as {
    id: string;
    city_id: string;
    time_zone: string;
  }[];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const list = shelterList(db, admin, now, { page });
    pages = list.pages;
    for (const shelter of list.rows)
      figures.push({ screen: 'shelter list', shelterId: shelter.id, free: shelter.counts.free, surge: shelter.counts.surgeFree });
  }
  for (const group of publicList(db, 'en', now).groups)
    for (const shelter of group.shelters) figures.push({ screen: '/shelters', shelterId: shelter.id, free: shelter.freeBeds });
  for (const cityId of cityIds) {
    const city = networkNow(db, now, [cityId]);
    for (const shelter of city.shelters)
      figures.push({ screen: 'now', shelterId: shelter.id, free: shelter.counts.free, surge: shelter.counts.surgeFree });
    figures.push({ screen: 'now: open', cityId, free: city.free.open }, { screen: 'now: paused', cityId, free: city.free.paused });
    for (const shelter of forecast(loadForecastInput(db, now, { cityIds: [cityId] })).shelters) {
      figures.push({
        screen: 'forecast tonight',
        shelterId: shelter.id,
        free: shelter.nights[0].total.certain,
        surge: shelter.nights[0].surge,
      });
    }
  }
  applyExpiry(db, now);
  for (const { id } of shelters) {
    const { counts } = shelterBoard(db, id, now);
    figures.push({ screen: 'board', shelterId: id, free: counts.free, surge: counts.surgeFree });
  }
  for (const cityId of cityIds) {
    const listed = new Map(freeTonightByShelter(db, now, [cityId]).map((shelter) => [shelter.id, shelter.free]));
    for (const shelter of shelters.filter((s) => s.city_id === cityId))
      figures.push({ screen: 'place several', shelterId: shelter.id, free: listed.get(shelter.id) ?? 0 });
  }
  // The suggestions read the nights asked for, here each shelter's own tonight.
  for (const shelter of shelters) {
    const tonight = tonightIn(shelter.time_zone, now);
    const [own] = networkAvailability(db, { nights: { firstNight: tonight, departure: addNights(tonight, 1) }, shelterId: shelter.id });
    const usable = own.status === 'open';
    const offered = own.rooms.flatMap((room) => room.freeBeds);
    figures.push({
      screen: 'suggestions: beds',
      shelterId: shelter.id,
      free: usable ? offered.filter((bed) => !bed.surge).length : 0,
      surge: usable ? offered.filter((bed) => bed.surge).length : 0,
    });
    figures.push({
      screen: 'suggestions: night',
      shelterId: shelter.id,
      free: usable ? own.freeByNight![0].free : 0,
      surge: usable ? own.freeByNight![0].surge : 0,
    });
  }
  return figures;
}

/** What each figure should be by the ledger: the board and the staff list count beds, the rest what can be offered. */
export function expectedFigure(ledger: ReturnType<typeof freeFromLedger>, figure: ScreenFigure): number {
  if (figure.shelterId) {
    const shelter = ledger.get(figure.shelterId)!;
    return figure.screen === 'board' || figure.screen === 'shelter list' || figure.screen === 'now' ? shelter.beds : shelter.offered;
  }
  const inCity = [...ledger.values()].filter((shelter) => shelter.cityId === figure.cityId);
  if (figure.screen === 'now: paused') return inCity.reduce((sum, shelter) => sum + (shelter.status === 'paused' ? shelter.beds : 0), 0);
  return inCity.reduce((sum, shelter) => sum + shelter.offered, 0);
}

/** The free surge beds a figure should show apart, by the ledger: the board and the staff lists count them, the rest what can be offered. */
export function expectedSurge(ledger: ReturnType<typeof freeFromLedger>, figure: ScreenFigure): number {
  const shelter = ledger.get(figure.shelterId!)!;
  return figure.screen === 'board' || figure.screen === 'shelter list' || figure.screen === 'now' ? shelter.surge : shelter.offeredSurge;
}
