import type { Permission } from '@/lib/auth/policy';

/**
 * The staff pages whose door is a permission on nothing in particular: the shares crawl
 * (tests/e2e/shares.test.ts) opens each as every kind of staff and expects 200 exactly where the
 * policy says so, 404 elsewhere.
 */
export const PAGE_DOORS: Record<string, Permission> = {
  '/arrivals': 'household.list',
  '/arrivals/new': 'household.register',
  '/audit': 'audit.read',
  '/feedback': 'stay.feedback',
  '/notices': 'notice.postCity',
  '/offers': 'offer.list',
  '/occupancy': 'occupancy.now',
  '/occupancy/ahead': 'occupancy.now',
  '/occupancy/export': 'occupancy.overview',
  '/occupancy/history': 'occupancy.history',
  '/settings': 'city.edit',
  '/settings/cities': 'city.edit',
  '/settings/meeting-points': 'meetingPoint.edit',
  '/staff': 'staff.manage',
};

/**
 * Permissions that decide what a page shows of a thing rather than whether a door opens, with the
 * tests that hold each for every kind of caller. Every permission of the policy is asked by a server
 * action case (tests/db/actions-access.test.ts), a page door above, or one of these.
 */
export const SHOWN_BY: Partial<Record<Permission, string>> = {
  'household.open': 'tests/db/shares.test.ts, tests/e2e/shares.test.ts',
  'household.identify': 'tests/db/shares.test.ts, tests/e2e/shares.test.ts (the share table)',
  'household.contact': 'tests/db/shares.test.ts, tests/e2e/shares.test.ts (the share table)',
  'household.search': 'tests/unit/queue-filters.test.ts, tests/db/queue.test.ts',
  'shelter.view': 'tests/e2e/shares.test.ts (one city’s shelters), tests/db/city-scope.test.ts',
  'shelter.relocate': 'tests/db/cities.test.ts (an admin moves a shelter into a city they hold)',
  'requests.watch': 'tests/db/request-flood.test.ts, tests/e2e/request-flood.test.ts',
};
