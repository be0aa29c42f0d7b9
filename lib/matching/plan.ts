import type { RoomKind } from '@/db/schema/enums';
import { compareLabels } from '@/lib/labels';
import { asksSafeRoom, roomSafety } from './safe-rooms';
import { householdSize, type Household, type PlannedBed, type RoomAvailability } from './types';

type Member = 'man' | 'woman' | 'child';

/**
 * The hard rules of who may sleep where: men's and women's dorms take only adults of that sex;
 * children sleep in a family room, or in a mixed room of a shelter that accepts families.
 */
export function roomAdmits(kind: RoomKind, member: Member, acceptsFamilies: boolean): boolean {
  if (kind === 'men') return member === 'man';
  if (kind === 'women') return member === 'woman';
  if (kind === 'mixed') return member !== 'child' || acceptsFamilies;
  return true;
}

/** The kinds of people in a household: men, women, children. */
export function membersOf(household: Pick<Household, 'adultMen' | 'adultWomen' | 'children'>): Member[] {
  return [
    ...(household.adultMen ? ['man' as const] : []),
    ...(household.adultWomen ? ['woman' as const] : []),
    ...(household.children ? ['child' as const] : []),
  ];
}

export type PlanRefusal =
  { code: 'needsAdult' } | { code: 'noFamilyRoom' } | { code: 'familyRoomTooSmall'; needed: number } | { code: 'bedsShort'; count: number };

export type Plan = { beds: PlannedBed[]; roomIds: string[] };

type Shelter = { acceptsFamilies: boolean; rooms: RoomAvailability[] };

type Sexes = Pick<Household, 'adultMen' | 'adultWomen' | 'children'>;

/**
 * Lower is better: a dorm for one sex, then a mixed room, and a family room last unless there are
 * children. A household of women (safe-rooms.ts) takes a women's or a family room before any mixed
 * room, and a mixed room with a man booked last.
 */
export function kindFit(room: Pick<RoomAvailability, 'kind' | 'menBooked'>, household: Sexes): number {
  if (asksSafeRoom(household)) return 2 * roomSafety(room) + (household.children === 0 && room.kind === 'family' ? 1 : 0);
  if (household.children > 0) return room.kind === 'family' ? 0 : 1;
  return { men: 0, women: 0, mixed: 1, family: 2 }[room.kind];
}
type Counts = Map<string, number>;

const byFreeDesc = (free: Counts) => (a: RoomAvailability, b: RoomAvailability) =>
  (free.get(b.id) ?? 0) - (free.get(a.id) ?? 0) || a.name.localeCompare(b.name);

/**
 * Seats adults into what is left. Men's and women's dorms are used first, because only one sex can
 * use them; the shared rooms (mixed, family) then take the rest in any order. That makes the fill
 * exact: it fails only when no seating exists. A household of women fills the shared rooms safest
 * first (safe-rooms.ts).
 */
function seatAdults(
  shelter: Shelter,
  free: Counts,
  men: number,
  women: number,
  prefer: string[],
  safeFirst: boolean,
): Map<string, number> | null {
  const seated = new Map<string, number>();
  const take = (room: RoomAvailability, wanted: number) => {
    const n = Math.min(wanted, free.get(room.id) ?? 0);
    if (n > 0) {
      free.set(room.id, (free.get(room.id) ?? 0) - n);
      seated.set(room.id, (seated.get(room.id) ?? 0) + n);
    }
    return wanted - n;
  };
  for (const room of shelter.rooms) {
    if (room.kind === 'men') men = take(room, men);
    if (room.kind === 'women') women = take(room, women);
  }
  const shared = shelter.rooms
    .filter((room) => room.kind === 'mixed' || room.kind === 'family')
    .sort(
      (a, b) =>
        Number(prefer.includes(b.id)) - Number(prefer.includes(a.id)) ||
        (safeFirst ? roomSafety(a) - roomSafety(b) : 0) ||
        Number(a.kind === 'family') - Number(b.kind === 'family') ||
        byFreeDesc(free)(a, b),
    );
  for (const room of shared) {
    men = take(room, men);
    women = take(room, women);
  }
  return men === 0 && women === 0 ? seated : null;
}

/** Rooms and beds for a whole household in one shelter, or the reason it cannot be done. */
export function planPlacement(shelter: Shelter, household: Household): Plan | PlanRefusal {
  if (household.children > 0 && household.adultMen + household.adultWomen === 0) return { code: 'needsAdult' };
  const whole = wholeRoom(shelter, household);
  if (!whole) return splitPlan(shelter, household);
  const together = toPlan(shelter, new Map([[whole.id, householdSize(household)]]));
  if (!asksSafeRoom(household) || roomSafety(whole) === 0) return together;
  // A household of women shares a mixed room only where splitting it up would not be safer.
  const split = splitPlan(shelter, household);
  return isPlan(split) && safetyOf(shelter, split) < roomSafety(whole) ? split : together;
}

/** Whether a room fits `size` people only with some of its surge beds: a room that fits them without comes first. */
const needsSurge = (room: RoomAvailability, size: number) => room.freeBeds.filter((bed) => !bed.surge).length < size;

/**
 * Best: the whole household in one room: the most fitting kind (family rooms are kept for
 * families), accessible first for wheelchair users, then the tightest fit.
 */
function wholeRoom(shelter: Shelter, household: Household): RoomAvailability | undefined {
  const size = householdSize(household);
  const present = membersOf(household);
  return shelter.rooms
    .filter((room) => room.freeBeds.length >= size && present.every((m) => roomAdmits(room.kind, m, shelter.acceptsFamilies)))
    .sort(
      (a, b) =>
        kindFit(a, household) - kindFit(b, household) ||
        Number(household.needsWheelchair && b.accessible) - Number(household.needsWheelchair && a.accessible) ||
        Number(needsSurge(a, size)) - Number(needsSurge(b, size)) ||
        a.freeBeds.length - b.freeBeds.length ||
        a.name.localeCompare(b.name),
    )[0];
}

const safetyOf = (shelter: Shelter, plan: Plan) =>
  Math.max(0, ...shelter.rooms.filter((room) => plan.roomIds.includes(room.id)).map(roomSafety));

/** The household over several rooms of the shelter. */
function splitPlan(shelter: Shelter, household: Household): Plan | PlanRefusal {
  const { adultMen: men, adultWomen: women, children } = household;
  const freeOf = () => new Map(shelter.rooms.map((room) => [room.id, room.freeBeds.length]));
  const safeFirst = asksSafeRoom(household);
  if (children === 0) {
    const seated = seatAdults(shelter, freeOf(), men, women, [], safeFirst);
    return seated ? toPlan(shelter, seated) : { code: 'bedsShort', count: bedsShort(shelter, household) };
  }

  // Children sleep together, in one room, with at least one adult of their household.
  const childRooms = shelter.rooms.filter((room) => roomAdmits(room.kind, 'child', shelter.acceptsFamilies));
  if (childRooms.length === 0) return { code: 'noFamilyRoom' };
  const companions: Member[] = [...(women ? ['woman' as const] : []), ...(men ? ['man' as const] : [])];
  const roomy = childRooms
    .filter((room) => room.freeBeds.length >= children + 1)
    .sort((a, b) => (safeFirst ? roomSafety(a) - roomSafety(b) : 0) || byFreeDesc(freeOf())(a, b));
  for (const room of roomy) {
    for (const companion of companions) {
      if (!roomAdmits(room.kind, companion, shelter.acceptsFamilies)) continue;
      const free = freeOf();
      free.set(room.id, room.freeBeds.length - children - 1);
      const seated = seatAdults(
        shelter,
        free,
        men - Number(companion === 'man'),
        women - Number(companion === 'woman'),
        [room.id],
        safeFirst,
      );
      if (seated) {
        seated.set(room.id, (seated.get(room.id) ?? 0) + children + 1);
        return toPlan(shelter, seated);
      }
    }
  }
  if (roomy.length === 0) return { code: 'familyRoomTooSmall', needed: children + 1 };
  return { code: 'bedsShort', count: bedsShort(shelter, household) };
}

/** How many more beds the shelter would need: the worst shortfall over who can use which rooms. */
function bedsShort(shelter: Shelter, household: Household): number {
  const cap = (member: Member) =>
    shelter.rooms.filter((room) => roomAdmits(room.kind, member, shelter.acceptsFamilies)).reduce((n, room) => n + room.freeBeds.length, 0);
  const total = shelter.rooms.reduce((n, room) => n + room.freeBeds.length, 0);
  const shortfalls = [
    householdSize(household) - total,
    household.adultMen - cap('man'),
    household.adultWomen - cap('woman'),
    household.children - cap('child'),
  ];
  return Math.max(1, ...shortfalls);
}

function toPlan(shelter: Shelter, seated: Map<string, number>): Plan {
  const beds: PlannedBed[] = [];
  for (const room of shelter.rooms) {
    const n = seated.get(room.id) ?? 0;
    // The room's own beds before its surge beds (decision 0026).
    const sorted = [...room.freeBeds].sort((a, b) => Number(!!a.surge) - Number(!!b.surge) || compareLabels(a.label, b.label));
    for (const bed of sorted.slice(0, n)) beds.push({ roomId: room.id, roomName: room.name, bedId: bed.id, label: bed.label });
  }
  return { beds, roomIds: [...seated.keys()].filter((id) => (seated.get(id) ?? 0) > 0) };
}

export const isPlan = (result: Plan | PlanRefusal): result is Plan => 'beds' in result;

/**
 * Whether a household can sleep in exactly these beds under the hard rules: the check behind a
 * guide's own choice of beds, using the same planner on a shelter that has only those beds.
 */
export function bedsFitHousehold(shelter: Shelter, household: Household, bedIds: string[]): boolean {
  const chosen = new Set(bedIds);
  const rooms = shelter.rooms.map((room) => ({ ...room, freeBeds: room.freeBeds.filter((bed) => chosen.has(bed.id)) }));
  const found = rooms.reduce((n, room) => n + room.freeBeds.length, 0);
  return found === chosen.size && found === householdSize(household) && isPlan(planPlacement({ ...shelter, rooms }, household));
}
