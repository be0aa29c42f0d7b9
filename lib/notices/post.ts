import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { cities, notices, noticeTexts, shelters } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { zonedWallClockToUtc } from '@/lib/calendar/zones';
import { DomainError, notAllowed } from '@/lib/errors';
import { NOTICE_LONGEST_MS } from '@/lib/notices/limits';
import { noticeTextsOf, type NoticeInput } from '@/lib/validation/notice';
import { mayManageCityNotices, mayManageShelterNotices } from './access';

/** The end the poster typed, read in the place's zone: in the future, and at most a week off. */
function endOf(input: NoticeInput, timeZone: string, now: Date): Date {
  const endsAt = zonedWallClockToUtc(input.endsAt, timeZone);
  if (Number.isNaN(endsAt.getTime())) throw new DomainError('noticeEndInvalid', 'endsAt');
  if (endsAt <= now) throw new DomainError('noticeEndPast', 'endsAt');
  if (endsAt.getTime() - now.getTime() > NOTICE_LONGEST_MS) throw new DomainError('noticeEndTooFar', 'endsAt');
  return endsAt;
}

function insertNotice(
  db: Db,
  user: StaffUser,
  place: { shelterId: string } | { cityId: string },
  input: NoticeInput,
  endsAt: Date,
  now: Date,
) {
  const notice = db
    .insert(notices)
    .values({ ...place, endsAt, createdBy: user.id, createdAt: now })
    .returning({ id: notices.id })
    .get();
  db.insert(noticeTexts)
    .values(noticeTextsOf(input).map((row) => ({ noticeId: notice.id, ...row })))
    .run();
  const shelterId = 'shelterId' in place ? place.shelterId : null;
  recordAudit(db, { at: now, actorId: user.id, action: 'notice.posted', entity: 'notice', entityId: notice.id, shelterId });
  return notice;
}

/**
 * A host's (or an admin's) notice to every guest of one shelter. A shelter the caller may not
 * change and one that does not exist are refused alike, so ids cannot be probed.
 */
export function postShelterNotice(db: Db, user: StaffUser, input: NoticeInput & { shelterId: string }, now: Date) {
  const shelter = db
    .select({ id: shelters.id, cityId: shelters.cityId, timeZone: shelters.timeZone })
    .from(shelters)
    .where(eq(shelters.id, input.shelterId))
    .get();
  if (!shelter || !mayManageShelterNotices(user, shelter)) throw notAllowed();
  return insertNotice(db, user, { shelterId: shelter.id }, input, endOf(input, shelter.timeZone, now), now);
}

/** An admin's notice to every guest of every shelter in one city they hold; its end is read in the city's zone. */
export function postCityNotice(db: Db, user: StaffUser, input: NoticeInput & { cityId: string }, now: Date) {
  if (!can(user, 'notice.postCity')) throw notAllowed();
  const city = db.select({ id: cities.id, timeZone: cities.timeZone }).from(cities).where(eq(cities.id, input.cityId)).get();
  if (!city || !mayManageCityNotices(user, city.id)) throw new DomainError('noticeCityNotHeld', 'cityId');
  return insertNotice(db, user, { cityId: city.id }, input, endOf(input, city.timeZone, now), now);
}
