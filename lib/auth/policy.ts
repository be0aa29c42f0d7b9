import type { Role } from '@/db/schema';
import { cityScopeOf, holdsCity } from '@/lib/cities/scope';

/**
 * Who may do what, and where: the one table every action, page, route handler and the header's
 * navigation ask (decision 0014). A role without a cell may not do it at all; a cell names the reach
 * within which the role may, judged against the thing acted on (the Target below).
 */
export const POLICY = {
  /** Their own password, second factor, language and sessions. */
  'account.manage': { admin: 'anywhere', guide: 'anywhere', host: 'anywhere' },
  /** What every city lives by: the public form's ceiling, second factors, the idle limit, retention, the network's contact. */
  'network.configure': { admin: 'network' },
  'city.create': { admin: 'network' },
  /** A city's name, clock and contacts, and removing an empty city. */
  'city.edit': { admin: 'heldCities' },
  'meetingPoint.edit': { admin: 'heldCities' },
  /** Invitations and accounts; a person is within reach only if every city they reach is (lib/staff/scope.ts). */
  'staff.manage': { admin: 'heldCities' },
  'audit.read': { admin: 'heldCities' },
  /** Speak to a shelter's guests, and take down what was said to them: its hosts, and admins of its city. */
  'notice.post': { admin: 'heldCities', host: 'ownShelters' },
  /** Speak to a whole city's guests, and see every live notice of the caller's cities (/notices). */
  'notice.postCity': { admin: 'heldCities' },
  'shelter.create': { admin: 'heldCities' },
  /** A guide opens any open shelter, of another city too: a household moving there may be placed in it. */
  'shelter.view': { admin: 'heldCities', host: 'ownShelters', guide: 'openShelters' },
  /** Profile, rooms, beds, closed nights, late arrivals. */
  'shelter.edit': { admin: 'heldCities', host: 'ownShelters' },
  /** What the shelter needs now (blankets, an interpreter), shown on the public list: whoever keeps the shelter. */
  'shelter.needs': { admin: 'heldCities', host: 'ownShelters' },
  /** Move a shelter to another city (one the admin holds). */
  'shelter.relocate': { admin: 'heldCities' },
  /** Check in, check out, one more night: the shelter's own staff. */
  'stay.checkIn': { admin: 'heldCities', host: 'ownShelters' },
  /** Move, change dates, cancel, renew or revoke the guest's link: whoever may act on the household. */
  'stay.change': { admin: 'heldCities', host: 'ownShelters', guide: 'ownPlacements' },
  /**
   * The guests' word after their stays (would they stay again, something was wrong): read, mark as
   * looked at, reopen a home it paused. The staff of the stay's city; never a host, who is spoken about.
   */
  'stay.feedback': { admin: 'heldCities', guide: 'heldCities' },
  /** The waiting queue and the placed households of the caller's cities. */
  'household.list': { admin: 'heldCities', guide: 'heldCities' },
  /** Open a household, and what its page offers: the rule of lib/privacy/shares.ts. */
  'household.open': { admin: 'heldCities', host: 'ownShelters', guide: 'ownPlacements' },
  'household.register': { admin: 'heldCities', guide: 'heldCities' },
  /** Reserve, place in a batch, choose a meeting point, renew a request link, forget, not genuine, a mistake. */
  'household.place': { admin: 'heldCities', guide: 'ownPlacements' },
  /** Search the queue by alias: guides find their people; admins see counts, not names. */
  'household.search': { guide: 'heldCities' },
  /** Who the household is (alias and need note) without asking: their guide, and their host while they stay. */
  'household.identify': { guide: 'ownPlacements', host: 'ownShelters' },
  /** How to reach them: their guide's. */
  'household.contact': { guide: 'ownPlacements' },
  /** An admin's audited look at one household's details. */
  'household.reveal': { admin: 'heldCities' },
  /** Be told on the queue that the public form is flooded, and where its ceiling is set. */
  'requests.watch': { admin: 'heldCities' },
  /** The queue of places offered on /offer, with their contacts: the staff of their cities; never a host. */
  'offer.list': { admin: 'heldCities', guide: 'heldCities' },
  /** Move an offer along its vetting (contacted, verified, active, paused, declined) and tick its checklist. */
  'offer.vet': { admin: 'heldCities', guide: 'heldCities' },
  'occupancy.now': { admin: 'heldCities', guide: 'heldCities' },
  'occupancy.history': { admin: 'heldCities', host: 'ownShelters' },
  /** Several shelters' or cities' history at once, and the export of it. */
  'occupancy.overview': { admin: 'heldCities' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

/**
 * What a permission is asked about. Without one, `can` answers whether the caller may do it anywhere
 * at all (a menu entry, a page's door, the first check of an action); the domain call then asks again
 * about the thing itself.
 */
export type Target =
  /** A city (null: something not yet in any city, for all-city staff only). */
  | { city: string | null }
  | { shelter: { id: string; cityId: string | null; status?: string } }
  /** A household and its active stay (or the stay an action names). */
  | { household: HouseholdState; stay: StayState };

/** `cityId`: where the household is now, whose queue it is in. */
export type HouseholdState = { status: string; erasedAt: Date | null; cityId: string | null };
export type StayState = { status: string; reservedBy: string | null; shelterId: string } | null | undefined;

/** The caller as the policy needs them: who, which role, which cities and shelters they hold. */
export type Caller = { id: string; role: Role; cityIds?: readonly string[] | null; shelterIds: readonly string[] };

/** Waiting, or placed: a household that has left, withdrawn or been erased is nobody's to open or act on. */
export const isLive = (household: HouseholdState) =>
  !household.erasedAt && (household.status === 'waiting' || household.status === 'placed');
/** A stay that holds its beds: reserved, or its guests checked in. */
export const ACTIVE_STAY_STATUSES = ['reserved', 'checked_in'] as const;
const isActive = (stay: NonNullable<StayState>) => (ACTIVE_STAY_STATUSES as readonly string[]).includes(stay.status);

const cityOf = (target: Target) => ('city' in target ? target.city : 'shelter' in target ? target.shelter.cityId : target.household.cityId);

/** Each reach as a rule on the caller and the target. */
const REACHES = {
  /** Wherever: their own account. */
  anywhere: () => true,
  /** Only an admin of every city. */
  network: (user: Caller) => cityScopeOf(user) === 'all',
  /** The cities they hold (all of them when they hold none in particular). */
  heldCities: (user: Caller, target?: Target) => !target || holdsCity(user, cityOf(target)),
  /** A host's own shelters, and the households holding beds in them; never a city as a whole. */
  ownShelters: (user: Caller, target?: Target) => {
    if (!target) return true;
    if ('shelter' in target) return user.shelterIds.includes(target.shelter.id);
    if ('household' in target) return !!target.stay && isActive(target.stay) && user.shelterIds.includes(target.stay.shelterId);
    return false;
  },
  /** Any shelter that is open, in any city. */
  openShelters: (_user: Caller, target?: Target) => !target || ('shelter' in target && target.shelter.status === 'open'),
  /**
   * A guide's households: the waiting queue of their cities, and the households they reserved for,
   * until check-in (where the household is now decides the city, even once placed in another city).
   */
  ownPlacements: (user: Caller, target?: Target) => {
    if (!target) return true;
    if (!holdsCity(user, cityOf(target))) return false;
    if (!('household' in target)) return 'city' in target;
    const { household, stay } = target;
    return stay ? stay.status === 'reserved' && stay.reservedBy === user.id : household.status === 'waiting';
  },
} satisfies Record<string, (user: Caller, target?: Target) => boolean>;

export type Reach = keyof typeof REACHES;

/** Whether the caller may do this, to this target (or, without one, anywhere at all). */
export function can(user: Caller, permission: Permission, target?: Target): boolean {
  const reach = reachOf(user, permission);
  if (!reach) return false;
  if (target && 'household' in target && !isLive(target.household)) return false;
  return REACHES[reach](user, target);
}

/** The reach the caller's role has for this permission, if any: for lists that follow it (a guide's own placements). */
export const reachOf = (user: Pick<Caller, 'role'>, permission: Permission): Reach | undefined =>
  (POLICY[permission] as Partial<Record<Role, Reach>>)[user.role];

/** Whether a role may do this somewhere: for what depends on the role alone (a search box offered). */
export const roleMay = (role: Role, permission: Permission) => reachOf({ role }, permission) !== undefined;
