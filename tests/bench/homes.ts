import { randomBytes } from 'node:crypto';
import { openDatabase } from '@/db';
import { addDays, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { closuresOutside } from '@/lib/homes/dates';
import { ROOM_KIND_OF } from '@/lib/homes/make-home';
import { verifiedHomesFor } from '@/lib/homes/placing';
import { suggestPlacements } from '@/lib/matching/suggest';
import { placeGroups } from '@/lib/placement/city-places';
import { round, spread } from './stats';

const id = () => randomBytes(12).toString('base64url');
const GUESTS = ['men', 'women', 'families', 'anyone'] as const;

/**
 * `count` active homes in one city, as activating their offers makes them (lib/homes/make-home.ts):
 * each an offer with one or two ranges of nights over the next month, a shelter of kind "home" with
 * one room of its guests' kind and one to four beds, closed outside its ranges. Every item of a
 * two-item checklist is ticked by two volunteers for half of them (every fourth among them) and by one
 * for the others. Raw SQL
 * in one transaction, as the scale seed is.
 */
export function seedHomes(path: string, count: number, cityId: string, now: Date) {
  const { sqlite } = openDatabase(path);
  const t = now.getTime();
  const tonight = localDay(t, NETWORK_TIME_ZONE);
  const insert = (sql: string) => sqlite.prepare(sql);
  const insertShelter = insert(
    "insert into shelters (id, name, kind, district, address, status, languages, accepts_families, longest_nights, time_zone, created_at, city_id) values (?, ?, 'home', 'Moda', 'Sokak 1', 'open', '[\"ru\"]', ?, 14, ?, ?, ?)",
  );
  const insertRoom = insert('insert into rooms (id, shelter_id, name, kind, accessible, created_at) values (?, ?, ?, ?, 0, ?)');
  const insertBed = insert('insert into beds (id, room_id, label, created_at) values (?, ?, ?, ?)');
  const insertClosure = insert(
    "insert into shelter_closures (id, shelter_id, first_night, last_night, created_by, created_at) values (?, ?, ?, ?, 'offer-dates', ?)",
  );
  const insertOffer = insert(
    "insert into offers (id, reference, city_id, kind, capacity, guests, languages, longest_nights, contact, status, shelter_id, created_at, updated_at, status_changed_at) values (?, ?, ?, 'room', ?, ?, '[\"ru\"]', 14, '+90 555 000 00 00', 'active', ?, ?, ?, ?)",
  );
  const insertRange = insert('insert into offer_ranges (offer_id, position, first_night, last_night) values (?, ?, ?, ?)');
  const insertTick = insert('insert into offer_ticks (offer_id, check_id, user_id, at) values (?, ?, ?, ?)');
  sqlite.transaction(() => {
    const volunteers = [id(), id()];
    for (const [i, userId] of volunteers.entries())
      insert("insert into users (id, email, name, password_hash, role, created_at) values (?, ?, ?, 'x', 'guide', ?)").run(
        userId,
        `homes-${i}@bench.test`,
        `Volunteer ${i}`,
        t,
      );
    const checks = [id(), id()];
    for (const [i, checkId] of checks.entries())
      insert('insert into vetting_checks (id, label, ticks_needed, position, created_at) values (?, ?, 1, ?, ?)').run(
        checkId,
        `Check ${i}`,
        i,
        t,
      );
    insert(
      'insert into network_settings (id, homes_verified_by_two) values (1, \'["families"]\') on conflict (id) do update set homes_verified_by_two = excluded.homes_verified_by_two',
    ).run();
    for (let h = 0; h < count; h++) {
      const hash = Math.imul(h + 1, 2654435761) >>> 0;
      // Every fourth home can take the bench's family (four people, verified by two, free from tonight).
      const fits = h % 4 === 0;
      const guests = fits ? 'families' : GUESTS[hash % 4];
      const capacity = fits ? 4 : 1 + ((hash >>> 4) % 4);
      const shelterId = id();
      insertShelter.run(
        shelterId,
        `H-${h.toString(36).toUpperCase()}`,
        guests === 'families' || guests === 'anyone' ? 1 : 0,
        NETWORK_TIME_ZONE,
        t,
        cityId,
      );
      const roomId = id();
      insertRoom.run(roomId, shelterId, 'room', ROOM_KIND_OF[guests], t);
      for (let b = 0; b < capacity; b++) insertBed.run(id(), roomId, String(b + 1), t);
      const first = addDays(tonight, fits ? 0 : (hash >>> 8) % 10);
      const ranges = [{ firstNight: first, lastNight: addDays(first, 5 + ((hash >>> 12) % 20)) }];
      if (hash % 3 === 0) ranges.push({ firstNight: addDays(first, 30), lastNight: addDays(first, 40) });
      for (const gap of closuresOutside(ranges, tonight)) insertClosure.run(id(), shelterId, gap.firstNight, gap.lastNight, t);
      const offerId = id();
      insertOffer.run(offerId, `H${h.toString(36).toUpperCase().padStart(5, '0')}`, cityId, capacity, guests, shelterId, t, t, t);
      for (const [position, range] of ranges.entries()) insertRange.run(offerId, position, range.firstNight, range.lastNight);
      for (const userId of h % 2 === 0 ? volunteers : volunteers.slice(0, 1))
        for (const checkId of checks) insertTick.run(offerId, checkId, userId, t);
    }
  })();
  sqlite.exec('analyze');
  sqlite.close();
}

/**
 * Suggestions for a family in a city with `homes` active homes beside its shelters, as the household
 * page makes them: the city's places read for three nights from tomorrow, the homes verified by two
 * found (the network asks it for families), then ranked with homes after shelters.
 */
export function benchSuggestionsWithHomes(path: string, options: { homes: number; runs: number }, cityId: string, now: Date) {
  seedHomes(path, options.homes, cityId, now);
  const { db, sqlite } = openDatabase(path);
  try {
    const tonight = localDay(now.getTime(), NETWORK_TIME_ZONE);
    const nights = { firstNight: addDays(tonight, 1), departure: addDays(tonight, 4) };
    const family = { adultMen: 1, adultWomen: 1, children: 2, languages: ['ru'], needsWheelchair: false, hasPet: false };
    const suggest = () => {
      const network = placeGroups(db, { cityId, destinationCityId: null }, { nights, elsewhere: [] })[0].network;
      return suggestPlacements(network, family, now, nights, undefined, { verifiedHomes: verifiedHomesFor(db, family, network) });
    };
    const first = suggest();
    const times: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const t0 = performance.now();
      suggest();
      times.push(performance.now() - t0);
    }
    const figures = spread(times);
    return {
      homes: options.homes,
      suggestions_with_homes_ms: round(figures.median),
      suggestions_with_homes_ms_max: round(figures.max),
      // Homes among the suggestions (after the shelters): the read reached them.
      suggestions_with_homes_homes_suggested: first.suggestions.filter((s) => s.home).length,
    };
  } finally {
    sqlite.close();
  }
}
