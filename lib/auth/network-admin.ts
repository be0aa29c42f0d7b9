import { cityScopeOf } from '@/lib/cities/scope';
import type { StaffUser } from './staff';

/**
 * An admin of every city. What every city lives by (the public form's ceiling, the second-factor
 * policy, the idle limit, retention, the network's contact, the shared meeting points) is theirs
 * alone: an admin of one city changes only that city's own settings.
 */
export const isNetworkAdmin = (user: Pick<StaffUser, 'role' | 'cityIds'>) => user.role === 'admin' && cityScopeOf(user) === 'all';
