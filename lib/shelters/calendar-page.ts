import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, MAX_DAYS_AHEAD, tonightIn } from '@/lib/calendar/nights';
import { applyExpiry } from '@/lib/placement/read';
import { viewableShelter } from './access';
import { loadCalendar } from './calendar';
import { closuresAhead } from './closures';

/**
 * A shelter's calendar for its caller, or null when they may not open the shelter (the same as
 * unknown): each bed's next nights from tonight in the shelter's zone, the closed nights ahead, and,
 * for those who may change the shelter, the nights a new closure may cover. Holds past their time are
 * let go first, so no night shows as booked by a hold that has ended.
 */
export function calendarPage(db: Db, user: StaffUser, shelterId: string, now: Date, locale: string) {
  const shelter = viewableShelter(db, user, shelterId);
  if (!shelter) return null;
  applyExpiry(db, now);
  const tonight = tonightIn(shelter.timeZone, now);
  const calendar = loadCalendar(db, shelter.id, tonight, locale);
  return {
    shelter: { id: shelter.id, name: shelter.name },
    editable: can(user, 'shelter.edit', { shelter }),
    tonight,
    /** The last night a closure may start or end on. */
    lastNight: addNights(tonight, MAX_DAYS_AHEAD),
    calendar,
    closures: closuresAhead(db, shelter.id, tonight, locale),
    rooms: calendar.rooms.map((room) => ({ id: room.id, name: room.name })),
  };
}

export type CalendarPage = NonNullable<ReturnType<typeof calendarPage>>;
