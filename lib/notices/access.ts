import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';

/** The shelter's hosts, and admins holding its city, speak to its guests. */
export const mayManageShelterNotices = (user: StaffUser, shelter: { id: string; cityId: string | null }) =>
  can(user, 'notice.post', { shelter });

/** A city's notices are its admins'. */
export const mayManageCityNotices = (user: StaffUser, cityId: string) => can(user, 'notice.postCity', { city: cityId });

/**
 * Who may take a notice down: whoever may post one for the same place now. Having written it gives no
 * right of its own, so a host who has left the shelter (or an admin who no longer holds the city)
 * cannot take down what the place's people say to its guests.
 */
export function mayWithdrawNotice(
  user: StaffUser,
  notice: { shelterId: string | null; cityId: string | null },
  shelter: { id: string; cityId: string | null } | null,
): boolean {
  if (shelter) return mayManageShelterNotices(user, shelter);
  return notice.cityId !== null && mayManageCityNotices(user, notice.cityId);
}
