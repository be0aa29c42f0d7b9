import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { shelters, shelterTexts, stayBeds, stays } from '@/db/schema';
import { cityClock, type CityClock } from '@/lib/cities/clock';
import { guestWordOf, wordAsked, type GuestWord } from '@/lib/guest-word/answer';
import { meetingPointForGuest } from '@/lib/meeting-points/guest';
import { liveNotices } from '@/lib/notices/live';
import { hashLinkToken } from '@/lib/placement/links';
import { expectedWait, type ExpectedWait } from '@/lib/requests/expected-wait';
import { latestStayOf, requestByToken } from '@/lib/requests/self-register';
import { readNetworkSettings, type NetworkContact } from '@/lib/requests/settings';
import { waitInputs } from '@/lib/requests/wait-inputs';
import type { GuestSaid } from './guest-said';
import { arrivalStatus, stayNights } from './status';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;
const safeToken = (token: string) => (TOKEN_SHAPE.test(token) ? token : '-');

type Stay = Pick<
  typeof stays.$inferSelect,
  'id' | 'arrivalId' | 'status' | 'holdUntil' | 'firstNight' | 'departure' | 'guestSaid' | 'guestSaidAt' | 'guestEta'
>;

// The arrival's page is the app's most opened page: its reads are compiled once per connection.
const stayByLinkHash = (db: Db) =>
  db
    .select({
      stay: {
        id: stays.id,
        arrivalId: stays.arrivalId,
        status: stays.status,
        holdUntil: stays.holdUntil,
        firstNight: stays.firstNight,
        departure: stays.departure,
        linkExpiresAt: stays.linkExpiresAt,
        guestSaid: stays.guestSaid,
        guestSaidAt: stays.guestSaidAt,
        guestEta: stays.guestEta,
      },
      shelter: shelters,
    })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.linkTokenHash, sql.placeholder('hash')))
    .prepare();
const heldBedCount = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, sql.placeholder('stayId')), isNull(stayBeds.releasedAt)))
    .prepare();
const textsOf = (db: Db) =>
  db
    .select()
    .from(shelterTexts)
    .where(eq(shelterTexts.shelterId, sql.placeholder('shelterId')))
    .prepare();

/**
 * The shelter page for one stay: the shelter, its texts, the stay's status and its nights, and what
 * the guest last told the shelter, the notices live for its guests (the shelter's and its city's), and
 * how far the shelter is from the public place where the guide met them. After check-out, whether
 * the guest has given their word about the stay (`word`: null before check-out, when it is not asked).
 * The stay's id stays on the server: it says where a post goes.
 */
function stayPage(db: Db, stay: Stay, shelter: typeof shelters.$inferSelect, now: Date) {
  const heldBeds = prepared(db, heldBedCount).get({ stayId: stay.id })?.n ?? 0;
  const texts = prepared(db, textsOf).all({ shelterId: shelter.id });
  const guestSaid: GuestSaid | null =
    stay.guestSaid && stay.guestSaidAt ? { said: stay.guestSaid, at: stay.guestSaidAt, eta: stay.guestEta } : null;
  return {
    stayId: stay.id,
    shelter,
    texts,
    status: arrivalStatus(stay, heldBeds, now),
    heldBeds,
    nights: stayNights(stay, shelter.timeZone, now),
    guestSaid,
    notices: liveNotices(db, { shelterId: shelter.id, cityId: shelter.cityId }, now),
    meetingPoint: meetingPointForGuest(db, stay.arrivalId, shelter),
    word: wordAsked(stay) ? { given: guestWordOf(db, stay.id) as GuestWord | null } : null,
  };
}

/**
 * Everything the arrival's page shows for a link, or null for a link that does not work. Unknown,
 * revoked and expired links take the same path (one indexed lookup by hash) and give the same null.
 * Nothing that identifies the household is read: no alias, no contact.
 */
export function arrivalPageData(db: Db, token: string, now: Date) {
  const row = prepared(db, stayByLinkHash).get({ hash: hashLinkToken(safeToken(token)) });
  if (!row || !row.stay.linkExpiresAt || row.stay.linkExpiresAt <= now) return null;
  return stayPage(db, row.stay, row.shelter, now);
}
export type ArrivalPageData = NonNullable<ReturnType<typeof arrivalPageData>>;

export type LinkPage =
  | { kind: 'stay'; data: ArrivalPageData; cancellable: boolean }
  | { kind: 'waiting'; requestedAt: Date; clock: CityClock; contact: NetworkContact; expected: ExpectedWait }
  | { kind: 'closed'; contact: NetworkContact };

/**
 * What a link shows: a guide's link shows its stay; the link of a request made on the public form
 * shows the waiting list, with the expected wait, until beds are held, then the newest stay's shelter
 * page. A hold that has passed puts the household back in the queue, so the page says "waiting" again.
 */
export function linkPageData(db: Db, token: string, now: Date): LinkPage | null {
  const placed = arrivalPageData(db, token, now);
  if (placed) return { kind: 'stay', data: placed, cancellable: false };
  const request = requestByToken(db, safeToken(token));
  if (!request) return null;
  const contact = readNetworkSettings(db).contact;
  if (request.status === 'cancelled' || request.status === 'not_genuine' || request.status === 'mistaken')
    return { kind: 'closed', contact };
  const stay = request.status === 'waiting' ? undefined : latestStayOf(db, request.id);
  if (!stay || (stay.status === 'reserved' && stay.holdUntil <= now)) {
    return {
      kind: 'waiting',
      requestedAt: request.createdAt,
      clock: cityClock(db, request.cityId),
      contact,
      expected: expectedWait(waitInputs(db, request, now)),
    };
  }
  const shelter = db.select().from(shelters).where(eq(shelters.id, stay.shelterId)).get()!;
  return { kind: 'stay', data: stayPage(db, stay, shelter, now), cancellable: stay.status === 'reserved' };
}
