import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers, shelters, stays, stayWords, users, type StayWordAnswer } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { cityScopeOf } from '@/lib/cities/scope';

/** How many answers already looked at (or not needing a look) the page lists, newest first. */
export const EARLIER_WORDS = 100;

// "Something was wrong" that no staff member has looked at yet: the header's count and the page's first list.
const waiting = and(eq(stayWords.answer, 'wrong'), isNull(stayWords.lookedAt))!;

/** The caller's cities as a condition on the word's shelter; null for a caller who holds every city. */
function inCallerCities(user: StaffUser): SQL | undefined {
  const scope = cityScopeOf(user);
  return scope === 'all' ? undefined : inArray(shelters.cityId, [...scope]);
}

/**
 * How many guests said "something was wrong" in the caller's cities and nobody has looked yet: the
 * staff header's count, kept fresh by its poll. Null for a caller who may not see the answers (hosts).
 */
export function wordsWaitingCount(db: Db, user: StaffUser): number | null {
  if (!can(user, 'stay.feedback')) return null;
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(stayWords)
    .innerJoin(shelters, eq(shelters.id, stayWords.shelterId))
    .where(and(waiting, inCallerCities(user)))
    .get();
  return row?.n ?? 0;
}

export type WordView = {
  stayId: string;
  answer: StayWordAnswer;
  note: string | null;
  answeredAt: Date;
  /** `mayOpen`: the caller may open the shelter's page (a guide may not open a paused one). */
  shelter: { id: string; name: string; cityName: string; timeZone: string; status: string; home: boolean; mayOpen: boolean };
  firstNight: string | null;
  departure: string | null;
  looked: { at: Date; by: string | null } | null;
  /** "Something was wrong" paused this home and it is still paused: staff may reopen it. */
  mayReopen: boolean;
};

/**
 * The guests' word after their stays, for admins and guides of the stays' cities, or null for anyone
 * else (hosts never: a host of a private home is the one spoken about). First every "something was
 * wrong" nobody has looked at (all of them, the same number as the header's), then the newest
 * answers. Only what the guest said and about which stay: no alias, no contact.
 */
export function guestWordsPage(db: Db, user: StaffUser, locale: string) {
  if (!can(user, 'stay.feedback')) return null;
  const cityNames = new Map(listCities(db, locale).map((city) => [city.id, city.name]));
  const select = () =>
    db
      .select({
        word: stayWords,
        shelter: { id: shelters.id, name: shelters.name, cityId: shelters.cityId, timeZone: shelters.timeZone, status: shelters.status },
        firstNight: stays.firstNight,
        departure: stays.departure,
        lookedByName: users.name,
        home: sql<number>`exists (select 1 from ${offers} where ${offers.shelterId} = ${shelters.id})`,
      })
      .from(stayWords)
      .innerJoin(shelters, eq(shelters.id, stayWords.shelterId))
      .innerJoin(stays, eq(stays.id, stayWords.stayId))
      .leftJoin(users, eq(users.id, stayWords.lookedBy));
  const scope = inCallerCities(user);
  const needLook = select().where(and(waiting, scope)).orderBy(desc(stayWords.answeredAt)).all();
  const earlier = select()
    .where(and(or(isNotNull(stayWords.lookedAt), sql`${stayWords.answer} <> 'wrong'`), scope))
    .orderBy(desc(stayWords.answeredAt))
    .limit(EARLIER_WORDS)
    .all();
  const view = (row: (typeof needLook)[number]): WordView => ({
    stayId: row.word.stayId,
    answer: row.word.answer,
    note: row.word.note,
    answeredAt: row.word.answeredAt,
    shelter: {
      id: row.shelter.id,
      name: row.shelter.name,
      cityName: cityNames.get(row.shelter.cityId ?? '') ?? '—',
      timeZone: row.shelter.timeZone,
      status: row.shelter.status,
      home: row.home === 1,
      mayOpen: can(user, 'shelter.view', { shelter: row.shelter }),
    },
    firstNight: row.firstNight,
    departure: row.departure,
    looked: row.word.lookedAt ? { at: row.word.lookedAt, by: row.lookedByName } : null,
    mayReopen: row.word.pausedHome && row.shelter.status === 'paused',
  });
  return { needLook: needLook.map(view), earlier: earlier.map(view) };
}
export type GuestWordsPage = NonNullable<ReturnType<typeof guestWordsPage>>;
