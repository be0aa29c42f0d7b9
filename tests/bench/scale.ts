import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { staffCities, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { addDays, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { waitingQueue } from '@/lib/households/queries';
import { suggestPlacements } from '@/lib/matching/suggest';
import { occupancyHistory } from '@/lib/occupancy/history';
import { networkNow } from '@/lib/occupancy/now';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { summarize } from '@/lib/occupancy/summary';
import { offersQueuePage } from '@/lib/offers/queue-page';
import { offersQuery } from '@/lib/offers/queue-query';
import { networkAvailability } from '@/lib/placement/availability';
import { placeGroups } from '@/lib/placement/city-places';
import { shelterBoard } from '@/lib/shelters/board';
import { loadCalendar } from '@/lib/shelters/calendar';
import { shelterList } from '@/lib/shelters/list';
import { startServer } from '../support/next-server';
import { benchSuggestionsWithHomes } from './homes';
import { signInCookie } from './session';
import { round, spread } from './stats';

const id = () => randomBytes(12).toString('base64url');
const DAY = 24 * 3600_000;
const HISTORY = 2 * 365 * DAY;

/**
 * The synthetic network: `cities` cities (City 1 … City n, slugs city-1 …), their shelters in turn,
 * each with a men's, a women's, a mixed and a family room, households waiting now in the cities in
 * turn, past stays over two years, each with its released beds, and places offered in the cities. Raw SQL in one transaction,
 * because the ORM would take minutes for a million rows.
 */
export function seedSyntheticNetwork(
  path: string,
  size: { cities: number; shelters: number; bedsPerShelter: number; pastStays: number; waiting: number; offers: number },
  now: Date,
) {
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  const insertCity = sqlite.prepare('insert into cities (id, slug, time_zone, created_at) values (?, ?, ?, ?)');
  const insertCityName = sqlite.prepare("insert into city_names (city_id, locale, name) values (?, 'en', ?)");
  const insertShelter = sqlite.prepare(
    "insert into shelters (id, name, district, status, languages, accepts_families, last_confirmed_at, created_at, city_id) values (?, ?, 'Fatih', 'open', '[\"ru\",\"en\"]', 1, ?, ?, ?)",
  );
  const insertRoom = sqlite.prepare('insert into rooms (id, shelter_id, name, kind, accessible, created_at) values (?, ?, ?, ?, 0, ?)');
  const insertBed = sqlite.prepare('insert into beds (id, room_id, label, created_at) values (?, ?, ?, ?)');
  const insertArrival = sqlite.prepare(
    'insert into arrivals (id, alias, adult_men, adult_women, children, languages, arrived_at, status, created_at, erased_at, city_id) values (?, ?, ?, ?, ?, \'["ru"]\', ?, ?, ?, ?, ?)',
  );
  const insertStay = sqlite.prepare(
    'insert into stays (id, arrival_id, shelter_id, status, hold_until, checked_in_at, checked_out_at, ended_at, created_at, first_night, departure) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBedNight = sqlite.prepare('insert into bed_nights (bed_id, night, stay_id) values (?, ?, ?)');
  // Istanbul keeps UTC+3 all year: its calendar day without a time zone database, a million times over.
  const istanbulDay = (ms: number) => new Date(ms + 3 * 3600_000).toISOString().slice(0, 10);
  const insertStayBed = sqlite.prepare('insert into stay_beds (stay_id, bed_id, held_at, released_at) values (?, ?, ?, ?)');
  const insertOffer = sqlite.prepare(
    'insert into offers (id, reference, city_id, kind, capacity, guests, languages, longest_nights, contact, note, status, created_at, updated_at, status_changed_at) values (?, ?, ?, ?, ?, ?, \'["ru"]\', 14, ?, ?, ?, ?, ?, ?)',
  );
  const insertOfferRange = sqlite.prepare('insert into offer_ranges (offer_id, position, first_night, last_night) values (?, ?, ?, ?)');
  const kinds = ['men', 'women', 'mixed', 'family'] as const;
  const bedsByShelter: { shelterId: string; cityId: string; bedIds: string[] }[] = [];
  const cityIds: string[] = [];
  const t = now.getTime();
  sqlite.transaction(() => {
    for (let c = 0; c < size.cities; c++) {
      const cityId = id();
      insertCity.run(cityId, `city-${c + 1}`, NETWORK_TIME_ZONE, t - HISTORY + c);
      insertCityName.run(cityId, `City ${c + 1}`);
      cityIds.push(cityId);
    }
    for (let s = 0; s < size.shelters; s++) {
      const shelterId = id();
      const cityId = cityIds[s % cityIds.length];
      insertShelter.run(shelterId, `Shelter ${s}`, t - (s % 48) * 3600_000, t - HISTORY, cityId);
      const bedIds: string[] = [];
      kinds.forEach((kind, k) => {
        const roomId = id();
        insertRoom.run(roomId, shelterId, `${kind} room`, kind, t);
        // The shelter's beds shared out between its four rooms, the odd ones to the last rooms.
        for (let b = 0; b < Math.floor((size.bedsPerShelter + k) / kinds.length); b++) {
          const bedId = id();
          insertBed.run(bedId, roomId, String(b + 1), t - HISTORY + k);
          bedIds.push(bedId);
        }
      });
      bedsByShelter.push({ shelterId, cityId, bedIds });
    }
    for (let i = 0; i < size.pastStays; i++) {
      const arrivalId = id();
      // Spread evenly over two years, ending before today; a shelter's stays take its beds in turn.
      const start = t - HISTORY + Math.floor((i / size.pastStays) * (HISTORY - 7 * DAY));
      const { shelterId, cityId, bedIds } = bedsByShelter[i % bedsByShelter.length];
      const bedId = bedIds[Math.floor(i / bedsByShelter.length) % bedIds.length];
      const registered = start - (i % 240) * 60_000;
      // Long gone: retention erased them two weeks after they left.
      insertArrival.run(arrivalId, null, 1, 0, 0, registered, 'left', registered, start + 20 * DAY, cityId);
      const stayId = id();
      const hold = start + 6 * 3600_000;
      // One in twenty never came: the hold expired.
      const noShow = i % 20 === 0;
      const end = noShow ? hold : start + (1 + (i % 5)) * DAY;
      const firstNight = istanbulDay(start);
      const departure = noShow ? addDays(firstNight, 3) : istanbulDay(end) > firstNight ? istanbulDay(end) : addDays(firstNight, 1);
      insertStay.run(
        stayId,
        arrivalId,
        shelterId,
        noShow ? 'expired' : 'checked_out',
        hold,
        noShow ? null : start + 3600_000,
        noShow ? null : end,
        end,
        start,
        firstNight,
        departure,
      );
      insertStayBed.run(stayId, bedId, start, end);
    }
    // The nights ahead: each bed booked once or twice over the next fortnight, one to four nights at a
    // time, so that about half of every night's beds are taken and suggestions must look night by night.
    const tonight = istanbulDay(t);
    bedsByShelter.forEach(({ shelterId, cityId, bedIds }, s) => {
      bedIds.forEach((bedId, b) => {
        // The first booking ends by night 7 (start 0–3, at most four nights), the second starts from it.
        // The later one is written first: it was made before the first guest checked in, and a bed with
        // a guest checked in takes no new booking (migration 0012).
        for (const start of [7 + ((b * 3 + s) % 6), (b + s) % 4]) {
          if ((b + start) % 3 === 0) continue;
          const arrivalId = id();
          const stayId = id();
          const firstNight = addDays(tonight, start);
          const nights = 1 + ((b + s + start) % 4);
          const checkedIn = start === 0;
          insertArrival.run(arrivalId, `Booked ${s}-${b}-${start}`, 1, 0, 0, t - DAY, 'placed', t - DAY, null, cityId);
          insertStay.run(
            stayId,
            arrivalId,
            shelterId,
            checkedIn ? 'checked_in' : 'reserved',
            t + (start + 1) * DAY,
            checkedIn ? t - 3600_000 : null,
            null,
            null,
            t - DAY,
            firstNight,
            addDays(firstNight, nights),
          );
          insertStayBed.run(stayId, bedId, t - DAY, null);
          for (let n = 0; n < nights; n++) insertBedNight.run(bedId, addDays(firstNight, n), stayId);
        }
      });
    });
    for (let w = 0; w < size.waiting; w++)
      insertArrival.run(
        id(),
        `Waiting ${w}`,
        w % 2,
        1 - (w % 2),
        w % 7 === 0 ? 2 : 0,
        t - w * 60_000,
        'waiting',
        t,
        null,
        cityIds[w % cityIds.length],
      );
    seedOffers(size.offers, cityIds, t, insertOffer, insertOfferRange);
  })();
  sqlite.exec('analyze');
  return { db, sqlite, bedsByShelter, cityIds };
}

const OFFER_KINDS = ['sofa', 'room', 'flat'] as const;
const OFFER_GUESTS = ['men', 'women', 'families', 'anyone'] as const;
// Most offers are still in play; a tenth are over (withdrawn or declined).
const OFFER_STATUSES = [
  'new',
  'new',
  'contacted',
  'contacted',
  'verified',
  'active',
  'active',
  'active',
  'paused',
  'withdrawn',
  'declined',
];
const NOTE_WORDS = ['balcony', 'quiet', 'metro', 'lift', 'garden', 'cat', 'dog', 'sea', 'centre', 'tram', 'kitchen', 'bath'];

/**
 * Places offered on /offer, in the cities in turn, a few each hour back in time: each with one or two
 * ranges of free nights over the next two months, a phone, and a note of three words.
 */
function seedOffers(
  count: number,
  cityIds: string[],
  t: number,
  insertOffer: { run: (...values: unknown[]) => unknown },
  insertRange: { run: (...values: unknown[]) => unknown },
) {
  const tonight = new Date(t + 3 * 3600_000).toISOString().slice(0, 10);
  for (let o = 0; o < count; o++) {
    const offerId = id();
    const at = t - o * 97_000;
    // A hash of the number, so that kind, capacity, whom and words do not follow the city in step.
    const h = Math.imul(o + 1, 2654435761) >>> 0;
    const note = [0, 8, 16].map((shift) => NOTE_WORDS[(h >>> shift) % NOTE_WORDS.length]).join(' ');
    const reference = o.toString(36).toUpperCase().padStart(6, '0');
    insertOffer.run(
      offerId,
      `${reference.slice(0, 3)}-${reference.slice(3)}`,
      cityIds[o % cityIds.length],
      OFFER_KINDS[h % 3],
      1 + ((h >>> 4) % 8),
      OFFER_GUESTS[(h >>> 12) % 4],
      `+90 5${String(o).padStart(9, '0')}`,
      note,
      OFFER_STATUSES[(h >>> 20) % OFFER_STATUSES.length],
      at,
      at,
      at,
    );
    const first = addDays(tonight, (h >>> 6) % 30);
    insertRange.run(offerId, 0, first, addDays(first, 3 + ((h >>> 10) % 20)));
    if (h % 3 === 0) insertRange.run(offerId, 1, addDays(first, 30), addDays(first, 40));
  }
}

/**
 * The median of `runs` timed calls, after one untimed call that warms the code up (as the HTTP
 * figures skip their first request): a server answers thousands of times, and the first answer's
 * extra cost (reading what is then kept, compiling) is timed on its own where it matters
 * (`cold: true`: every call timed).
 */
function medianMs(runs: number, fn: () => unknown, options: { cold?: boolean } = {}) {
  if (!options.cold) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return spread(times);
}

async function medianHttpMs(runs: number, url: string, cookie: string) {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.text();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    // The first request warms the route; it is not counted.
    if (i > 0) times.push(performance.now() - t0);
  }
  return spread(times);
}

const BENCH_ADMIN = { email: 'bench-admin@waystation.test', password: 'bench-admin-password' };
const BENCH_CITY_ADMIN = { email: 'bench-city-admin@waystation.test', password: 'bench-city-admin-password' };

/**
 * Server time on the synthetic network: the reads a guide and an admin make, in-process, and the
 * occupancy pages over HTTP (a production server, a signed-in admin, one request at a time). The
 * 90-day network history is measured twice, side by side: computed from the stays before the roll-up
 * runs, then read from the roll-up. The network is split into cities: a household in the first city
 * gets suggestions from its city's shelters (as placeGroups reads them) beside the whole network's, a
 * guide and an admin of that city read its queue, forecast and occupancy page.
 */
export async function benchScale(options: {
  cities: number;
  shelters: number;
  bedsPerShelter: number;
  pastStays: number;
  waiting: number;
  offers: number;
  /** Active private homes added to the first city once every other figure is taken (tests/bench/homes.ts). */
  homes: number;
  runs: number;
}) {
  const dir = mkdtempSync(join(tmpdir(), 'waystation-scale-'));
  const now = new Date();
  try {
    const seedStart = performance.now();
    const path = join(dir, 'scale.db');
    const { db, sqlite, bedsByShelter, cityIds } = seedSyntheticNetwork(path, options, now);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const family = { adultMen: 1, adultWomen: 1, children: 2, languages: ['ru'], needsWheelchair: false, hasPet: false };
    const admin = { id: 'admin', email: 'a@x.test', name: 'a', role: 'admin' as const, locale: 'en', shelterIds: [] };
    const city = cityIds[0];
    const cityGuide = {
      id: 'guide',
      email: 'g@x.test',
      name: 'g',
      role: 'guide' as const,
      locale: 'en',
      shelterIds: [],
      cityIds: [city],
    };
    // A family asking for three nights from tomorrow: every bed checked on each night.
    const threeNights = {
      firstNight: addDays(localDay(now.getTime(), NETWORK_TIME_ZONE), 1),
      departure: addDays(localDay(now.getTime(), NETWORK_TIME_ZONE), 4),
    };
    const suggestions = medianMs(options.runs, () =>
      suggestPlacements(networkAvailability(db, { nights: threeNights }), family, now, threeNights),
    );
    // The first suggestions after a host changed a room or a bed read the rooms and beds again (bedLayout).
    sqlite.prepare('update beds set label = label where id = ?').run(bedsByShelter[0].bedIds[0]);
    const suggestionsCold = medianMs(
      1,
      () => suggestPlacements(networkAvailability(db, { nights: threeNights }), family, now, threeNights),
      { cold: true },
    );
    // The same family, in the first city: its city's shelters only, beside the whole network's, run for run.
    const household = { cityId: city, destinationCityId: null };
    const inCity = () =>
      suggestPlacements(placeGroups(db, household, { nights: threeNights, elsewhere: [] })[0].network, family, now, threeNights);
    const inNetwork = () => suggestPlacements(networkAvailability(db, { nights: threeNights }), family, now, threeNights);
    const [cityTimes, networkTimes] = [[] as number[], [] as number[]];
    for (let i = 0; i < options.runs; i++) {
      for (const [fn, times] of [
        [inCity, cityTimes],
        [inNetwork, networkTimes],
      ] as const) {
        const t0 = performance.now();
        fn();
        times.push(performance.now() - t0);
      }
    }
    const [suggestionsCity, suggestionsNetwork] = [spread(cityTimes), spread(networkTimes)];
    const queue = medianMs(options.runs, () => waitingQueue(db, admin, now));
    // The vetting queue's first page, as a guide of the first city opens it: rooms for two or more, free
    // on the night in a week, whose note says "balcony".
    const offersQueue = medianMs(options.runs, () =>
      offersQueuePage(
        db,
        cityGuide,
        offersQuery({ kind: 'room', capacity: '2', on: addDays(localDay(now.getTime(), NETWORK_TIME_ZONE), 7), q: 'balcony' }),
        'en',
      ),
    );
    const scopedQueue = medianMs(options.runs, () => waitingQueue(db, cityGuide, now));
    // The network forecast: the first on this connection reads every shelter's stays (cold); then each
    // shelter's are kept while its stamp stands still (warm); then, before each run, a guest says
    // "on my way" on one reservation (in 1, then 20, shelters), so those shelters are read again.
    const coldForecast = medianMs(1, () => forecast(loadForecastInput(db, now)), { cold: true });
    const networkForecast = medianMs(options.runs, () => forecast(loadForecastInput(db, now)));
    const onMyWay = sqlite.prepare(
      "update stays set guest_said = 'on_my_way', guest_said_at = ? where id = (select id from stays where shelter_id = ? and status = 'reserved' limit 1)",
    );
    const afterChanges = (shelters: number) => {
      const times: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        for (let i = 0; i < shelters; i++) onMyWay.run(now.getTime(), bedsByShelter[(run * 97 + i * 13) % bedsByShelter.length].shelterId);
        const t0 = performance.now();
        forecast(loadForecastInput(db, now));
        times.push(performance.now() - t0);
      }
      return spread(times);
    };
    const afterOne = afterChanges(1);
    const afterTwenty = afterChanges(20);
    const cityForecast = medianMs(options.runs, () => forecast(loadForecastInput(db, now, { cityIds: [city] })));
    const calendar = medianMs(options.runs, () => loadCalendar(db, bedsByShelter[0].shelterId, localDay(now.getTime(), NETWORK_TIME_ZONE)));
    const board = medianMs(options.runs, () => shelterBoard(db, bedsByShelter[0].shelterId, now));
    // The first page of the staff list, as an admin opens it (counted for its shelters only).
    const listPage = medianMs(options.runs, () => shelterList(db, admin, now));

    const today = localDay(now.getTime(), NETWORK_TIME_ZONE);
    const from = addDays(today, -89);
    const shelter = { shelterId: bedsByShelter[0].shelterId, timeZone: NETWORK_TIME_ZONE };
    const networkHistory = () => summarize(occupancyHistory(db, 'network', from, today, now));
    const liveNetwork = medianMs(Math.min(3, options.runs), networkHistory);
    const rollUpStart = performance.now();
    const rolled = rollUpOccupancy(db, now);
    const rollUpSeconds = (performance.now() - rollUpStart) / 1000;
    const nowFigures = medianMs(options.runs, () => networkNow(db, now));
    const storedNetwork = medianMs(options.runs, networkHistory);
    const storedShelter = medianMs(options.runs, () => summarize(occupancyHistory(db, shelter, from, today, now)));
    db.insert(users)
      .values({ email: BENCH_ADMIN.email, name: 'Bench admin', role: 'admin', passwordHash: await hashPassword(BENCH_ADMIN.password) })
      .run();
    const cityAdmin = db
      .insert(users)
      .values({
        email: BENCH_CITY_ADMIN.email,
        name: 'Bench city admin',
        role: 'admin',
        passwordHash: await hashPassword(BENCH_CITY_ADMIN.password),
      })
      .returning()
      .get();
    db.insert(staffCities).values({ userId: cityAdmin.id, cityId: city }).run();
    sqlite.close();

    const server = await startServer(path);
    let pages;
    try {
      const cookie = await signInCookie(server.baseURL, BENCH_ADMIN.email, BENCH_ADMIN.password);
      pages = {
        now: await medianHttpMs(options.runs, `${server.baseURL}/occupancy`, cookie),
        // The nights ahead, on their own page since the occupancy page stopped computing them.
        ahead: await medianHttpMs(options.runs, `${server.baseURL}/occupancy/ahead`, cookie),
        network: await medianHttpMs(options.runs, `${server.baseURL}/occupancy/history?range=90`, cookie),
        shelter: await medianHttpMs(options.runs, `${server.baseURL}/occupancy/history?range=90&shelter=${shelter.shelterId}`, cookie),
        // The first city's page, as an admin who holds only that city.
        city: await medianHttpMs(
          options.runs,
          `${server.baseURL}/occupancy?city=city-1`,
          await signInCookie(server.baseURL, BENCH_CITY_ADMIN.email, BENCH_CITY_ADMIN.password),
        ),
      };
    } finally {
      server.stop();
    }
    // Last, so that no other figure counts the homes: the first city's suggestions among its homes.
    const withHomes = benchSuggestionsWithHomes(path, { homes: options.homes, runs: options.runs }, city, now);
    return {
      cities: options.cities,
      shelters: options.shelters,
      beds: options.shelters * options.bedsPerShelter,
      past_stays: options.pastStays,
      waiting_households: options.waiting,
      offers: options.offers,
      seed_seconds: round(seedSeconds),
      suggestions_3_nights_ms: round(suggestions.median),
      suggestions_3_nights_ms_max: round(suggestions.max),
      suggestions_3_nights_after_bed_change_ms: round(suggestionsCold.median),
      suggestions_ms: round(suggestionsCity.median),
      suggestions_ms_max: round(suggestionsCity.max),
      suggestions_network_ms: round(suggestionsNetwork.median),
      suggestions_city_to_network_ratio: round(suggestionsCity.median / suggestionsNetwork.median, 2),
      waiting_list_ms: round(queue.median),
      scoped_queue_ms: round(scopedQueue.median),
      offers_queue_ms: round(offersQueue.median),
      calendar_14_nights_ms: round(calendar.median),
      forecast_network_cold_ms: round(coldForecast.median),
      forecast_network_ms: round(networkForecast.median),
      forecast_network_after_1_change_ms: round(afterOne.median),
      forecast_network_after_20_changes_ms: round(afterTwenty.median),
      forecast_city_ms: round(cityForecast.median),
      bed_board_ms: round(board.median),
      shelter_list_ms: round(listPage.median),
      rollup_seconds: round(rollUpSeconds),
      rollup_shelter_days: rolled.shelterDays,
      now_figures_ms: round(nowFigures.median),
      history_90d_network_live_ms: round(liveNetwork.median),
      history_90d_network_ms: round(storedNetwork.median),
      history_90d_shelter_ms: round(storedShelter.median),
      now_page_http_ms: round(pages.now.median),
      ahead_page_http_ms: round(pages.ahead.median),
      history_90d_network_page_http_ms: round(pages.network.median),
      history_90d_shelter_page_http_ms: round(pages.shelter.median),
      city_occupancy_page_http_ms: round(pages.city.median),
      ...withHomes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
