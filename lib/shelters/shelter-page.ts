import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, MAX_DAYS_AHEAD, tonightIn } from '@/lib/calendar/nights';
import { shelterStays } from '@/lib/households/queries';
import { mayManageShelterNotices } from '@/lib/notices/access';
import { shelterNoticesFor } from '@/lib/notices/live';
import { applyExpiry } from '@/lib/placement/read';
import { viewableShelter } from './access';
import { twoInOneBed } from './bed-conflicts';
import { shelterBoard } from './board';
import { hostDay } from './day';
import { needsOf } from './needs';
import { inLocale } from './room-names';

/**
 * A shelter's page for its caller, or null when they may not open it (the same as unknown): the host's
 * day, the beds tonight, who is expected and staying, and, for whoever may speak to its guests, the
 * notices live for them. Holds past their time are let go first, so no bed shows a hold that has ended.
 * Who each household is follows the caller's share (lib/privacy/shares.ts). The host of a private home
 * (lib/homes) is a person who offered a room, not a network volunteer: of each household placed with
 * them they get its alias, dates and who is coming, never the note its guide wrote.
 */
export function shelterPage(db: Db, user: StaffUser, shelterId: string, now: Date, locale: string) {
  const shelter = viewableShelter(db, user, shelterId);
  if (!shelter) return null;
  applyExpiry(db, now);
  const board = shelterBoard(db, shelter.id, now, { holdersFor: user });
  const { id, name, district, status, timeZone, lastConfirmedAt, cityId, listedPublicly } = shelter;
  const today = tonightIn(timeZone, now);
  const noteless = shelter.kind === 'home' && user.role === 'host' ? withoutNotes : <T>(stays: T) => stays;
  return {
    shelter: { id, name, district, status, timeZone, lastConfirmedAt, cityId, listedPublicly },
    /** Rooms, beds, closed nights and the day's check-ins and check-outs are the caller's to change. */
    editable: can(user, 'shelter.edit', { shelter }),
    isHost: user.role === 'host',
    day: noteless(hostDay(db, user, shelter, now, locale)),
    twoInOneBed: twoInOneBed(db, user, shelter.id, now, locale),
    counts: board.counts,
    rooms: inLocale(db, board.rooms, locale),
    stays: noteless(shelterStays(db, user, shelter.id, now, locale)),
    /** What it needs now (public), and, for whoever keeps it, the days a new need may end on. */
    needs: {
      list: needsOf(db, shelter.id, today),
      editable: can(user, 'shelter.needs', { shelter }),
      today,
      lastDay: addNights(today, MAX_DAYS_AHEAD),
    },
    /** The notices its guests see now, for those who may post them; null for everyone else. */
    notices: mayManageShelterNotices(user, shelter) ? shelterNoticesFor(db, user, shelter, now) : null,
  };
}

/** Every list of stays with each household's need note taken out. */
function withoutNotes<T extends Record<string, unknown>>(lists: T): T {
  const cut = (value: unknown) =>
    Array.isArray(value) ? value.map((stay) => ({ ...stay, household: { ...stay.household, needNote: null } })) : value;
  return Object.fromEntries(Object.entries(lists).map(([key, value]) => [key, cut(value)])) as T;
}

export type ShelterPage = NonNullable<ReturnType<typeof shelterPage>>;
