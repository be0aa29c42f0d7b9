import type { StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';

/** The shelter's hosts, and admins holding its city, speak to its guests. */
export const mayManageShelterNotices = (user: StaffUser, shelter: { id: string; cityId: string | null }) =>
  (user.role === 'host' && user.shelterIds.includes(shelter.id)) || (user.role === 'admin' && holdsCity(user, shelter.cityId));

/** A city's notices are its admins'. */
export const mayManageCityNotices = (user: StaffUser, cityId: string) => user.role === 'admin' && holdsCity(user, cityId);

/** Who may take a notice down: its author, or whoever may post one for the same place. */
export function mayWithdrawNotice(
  user: StaffUser,
  notice: { createdBy: string | null; shelterId: string | null; cityId: string | null },
  shelter: { id: string; cityId: string | null } | null,
): boolean {
  if (user.role === 'coordinator') return false;
  if (notice.createdBy === user.id) return true;
  if (shelter) return mayManageShelterNotices(user, shelter);
  return notice.cityId !== null && mayManageCityNotices(user, notice.cityId);
}
