import 'server-only';
import type { Db } from '@/db';
import { wordsWaitingCount } from '@/lib/guest-word/words-page';
import { onlineRequestCount } from '@/lib/households/queries';
import { can } from './policy';
import { mustEnrol } from './second-factor';
import type { StaffUser } from './staff';

/**
 * The staff header for its caller: who they are, the screens the policy opens to them, and how many
 * people who asked online are waiting and how many guests said "something was wrong" after a stay that
 * nobody has looked at yet (counts for guides and admins, kept fresh by the client; none while they
 * must enrol a second factor, as nothing else opens to them until they have).
 */
export function headerView(db: Db, user: StaffUser) {
  const occupancyNow = can(user, 'occupancy.now');
  const enrolling = mustEnrol(db, user);
  return {
    user: { id: user.id, name: user.name, role: user.role },
    online: enrolling ? null : onlineRequestCount(db, user),
    wordsWaiting: enrolling ? null : wordsWaitingCount(db, user),
    opens: {
      arrivals: can(user, 'household.list'),
      offers: can(user, 'offer.list'),
      guestWords: can(user, 'stay.feedback'),
      occupancy: occupancyNow,
      history: !occupancyNow && can(user, 'occupancy.history'),
      staff: can(user, 'staff.manage'),
      audit: can(user, 'audit.read'),
      notices: can(user, 'notice.postCity'),
      settings: can(user, 'city.edit'),
    },
  };
}

export type HeaderView = ReturnType<typeof headerView>;
