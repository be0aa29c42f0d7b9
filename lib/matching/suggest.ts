import type { RoomKind, ShelterStatus } from '@/db/schema/enums';
import { nightCount, tonightIn, type NightRange } from '@/lib/calendar/nights';
import { distanceKm, type Coordinates } from '@/lib/meeting-points/distance';
import { holdUntilFor } from '@/lib/nights/door';
import { isPlan, planPlacement, roomAdmits, type PlanRefusal } from './plan';
import { asksSafeRoom, planSafety } from './safe-rooms';
import { householdSize, type Household, type PlannedBed, type ShelterAvailability } from './types';

export type Reason =
  | { code: 'oneRoom'; room: string; kind: RoomKind; free: number }
  /** A mixed room of the plan where men are booked or staying those nights: how many, never who. */
  | { code: 'menBooked'; roomId: string; room: string; men: number }
  | { code: 'severalRooms'; count: number }
  | { code: 'distance'; km: number; from: string }
  | { code: 'speaks'; languages: string[] }
  | { code: 'wheelchair'; accessibleRoom: boolean }
  | { code: 'petsWelcome' }
  | { code: 'freeAfter'; free: number; total: number }
  | { code: 'confirmed'; at: Date }
  | { code: 'notConfirmed' };

export type Exclusion =
  | { code: 'notOpen'; status: ShelterStatus }
  | { code: 'noPets' }
  | { code: 'noWheelchair' }
  | { code: 'stayTooLong'; max: number }
  | { code: 'checkInClosed' }
  | { code: 'fullOn'; night: string }
  /** A home not verified by two volunteers, for a kind of household the network keeps from such homes. */
  | { code: 'homeNotVerifiedByTwo' }
  | PlanRefusal;

/**
 * How homes are placed (issue 30): after every shelter unless the guide asks to rank them alike, and,
 * for the kinds of household the network names, only those verified by two volunteers (`verifiedHomes`,
 * lib/homes/placing.ts; null: any home).
 */
export type HomeCare = { homesAlike?: boolean; verifiedHomes?: ReadonlySet<string> | null };

export type UnusedRoom = { name: string; why: 'menOnly' | 'womenOnly' | 'noChildren' };

export type Suggestion = {
  shelterId: string;
  shelterName: string;
  district: string;
  /** A private home (lib/homes), for the page to say so; absent: a shelter. */
  home?: boolean;
  score: number;
  beds: PlannedBed[];
  reasons: Reason[];
  unusedRooms: UnusedRoom[];
};

/** Where the household is now, and where the shelters are (those without coordinates are left out). */
export type Whereabouts = { from: Coordinates & { name: string }; shelters: ReadonlyMap<string, Coordinates> };

export type Excluded = { shelterId: string; shelterName: string; district: string; reasons: Exclusion[] };

// Soft preferences, as points. Their order of magnitude is the order of importance.
const POINTS = {
  oneRoom: 40,
  language: 25,
  load: 20,
  accessibleRoom: 10,
  confirmedHour: 15,
  confirmedSixHours: 10,
  confirmedDay: 5,
  familyRoomForAdults: -15,
  perKmNearer: 1,
};

/**
 * Nearness: one point for each kilometre nearer than NEAR_KM, in a straight line from where the
 * household is now. 10 km nearer (half an hour across Istanbul at night) weighs as much as half the
 * load spread, more than a fresher confirmation, less than a shared language (25) or one room (40):
 * a tired man goes to the nearer of two equal dorms, but not to a shelter where nobody understands
 * him. NEAR_KM spans a city (Istanbul's two airports are 55 km apart); beyond it every shelter, and
 * every shelter without coordinates, gets nothing: an unknown place is never favoured.
 */
export const NEAR_KM = 60;

function nearnessPoints(km: number | null): number {
  return km === null ? 0 : POINTS.perKmNearer * Math.max(0, NEAR_KM - km);
}

function hardRuleBreaches(shelter: ShelterAvailability, household: Household, now: Date, nights?: NightRange): Exclusion[] {
  const breaches: Exclusion[] = [];
  if (shelter.status !== 'open') breaches.push({ code: 'notOpen', status: shelter.status });
  if (household.hasPet && !shelter.acceptsPets) breaches.push({ code: 'noPets' });
  if (household.needsWheelchair && !shelter.wheelchairAccessible) breaches.push({ code: 'noWheelchair' });
  if (nights && shelter.longestNights && nightCount(nights) > shelter.longestNights)
    breaches.push({ code: 'stayTooLong', max: shelter.longestNights });
  const door = shelter.door;
  if (nights && door && nights.firstNight === tonightIn(door.timeZone, now) && holdUntilFor(door, nights.firstNight) <= now) {
    breaches.push({ code: 'checkInClosed' });
  }
  return breaches;
}

/** Short of beds: on which night, if one night has fewer free beds than the household needs. */
function shortage(shelter: ShelterAvailability, household: Household, refusal: PlanRefusal): Exclusion {
  if (refusal.code !== 'bedsShort') return refusal;
  const full = shelter.freeByNight?.find((slot) => slot.free + slot.surge < householdSize(household));
  return full && (shelter.freeByNight?.length ?? 0) > 1 ? { code: 'fullOn', night: full.night } : refusal;
}

/**
 * Why this shelter cannot take the whole household for these nights, as a suggestion says it ("1 bed
 * short", "full on 2 Dec"); empty when it can. Every screen that refuses a shelter says it this way.
 */
export function shelterRefusals(
  shelter: ShelterAvailability,
  household: Household,
  now: Date,
  nights?: NightRange,
  plan = planPlacement(shelter, household),
): Exclusion[] {
  const breaches = hardRuleBreaches(shelter, household, now, nights);
  return isPlan(plan) ? breaches : [...breaches, shortage(shelter, household, plan)];
}

function confirmationPoints(at: Date | null, now: Date): number {
  if (!at) return 0;
  const hours = (now.getTime() - at.getTime()) / 3600_000;
  if (hours <= 1) return POINTS.confirmedHour;
  if (hours <= 6) return POINTS.confirmedSixHours;
  return hours <= 24 ? POINTS.confirmedDay : 0;
}

/** Rooms with free beds the plan leaves out because the household may not sleep there. */
function unusedRooms(shelter: ShelterAvailability, household: Household, usedRoomIds: string[]): UnusedRoom[] {
  const result: UnusedRoom[] = [];
  for (const room of shelter.rooms) {
    if (usedRoomIds.includes(room.id) || room.freeBeds.length === 0) continue;
    if (room.kind === 'men' && household.adultWomen + household.children > 0) result.push({ name: room.name, why: 'menOnly' });
    else if (room.kind === 'women' && household.adultMen + household.children > 0) result.push({ name: room.name, why: 'womenOnly' });
    else if (household.children > 0 && !roomAdmits(room.kind, 'child', shelter.acceptsFamilies))
      result.push({ name: room.name, why: 'noChildren' });
  }
  return result;
}

/**
 * Ranks the shelters that can take the whole household for every night asked for (the availability
 * was read for those nights), best first, each with the beds it would use and the reasons in plain
 * words; the others come back with why not ("full on 2 Dec"). Given where the household is now, nearer
 * shelters are preferred and each says how far it is. A pure function: the same network,
 * household, nights and clock give the same answer.
 */
export function suggestPlacements(
  network: ShelterAvailability[],
  household: Household,
  now: Date,
  nights?: NightRange,
  whereabouts?: Whereabouts,
  care: HomeCare = {},
): { suggestions: Suggestion[]; excluded: Excluded[] } {
  const suggestions: Suggestion[] = [];
  const excluded: Excluded[] = [];
  const safety = new Map<Suggestion, number>();
  const homesAfter = new Set<Suggestion>();
  const size = householdSize(household);
  for (const shelter of network) {
    const about = { shelterId: shelter.id, shelterName: shelter.name, district: shelter.district };
    const plan = planPlacement(shelter, household);
    const refusals = shelterRefusals(shelter, household, now, nights, plan);
    if (shelter.home && care.verifiedHomes && !care.verifiedHomes.has(shelter.id)) refusals.unshift({ code: 'homeNotVerifiedByTwo' });
    if (refusals.length > 0 || !isPlan(plan)) {
      excluded.push({ ...about, reasons: refusals });
      continue;
    }
    const reasons: Reason[] = [];
    let score = 0;
    const planRooms = plan.roomIds.map((id) => shelter.rooms.find((r) => r.id === id)!);
    if (asksSafeRoom(household)) {
      for (const room of planRooms)
        if (room.menBooked) reasons.push({ code: 'menBooked', roomId: room.id, room: room.name, men: room.menBooked });
    }
    if (plan.roomIds.length === 1) {
      const room = shelter.rooms.find((r) => r.id === plan.roomIds[0])!;
      reasons.push({ code: 'oneRoom', room: room.name, kind: room.kind, free: room.freeBeds.length });
      score += POINTS.oneRoom;
    } else {
      reasons.push({ code: 'severalRooms', count: plan.roomIds.length });
    }
    const at = whereabouts?.shelters.get(shelter.id);
    const km = whereabouts && at ? distanceKm(whereabouts.from, at) : null;
    if (km !== null) reasons.push({ code: 'distance', km, from: whereabouts!.from.name });
    score += nearnessPoints(km);
    const shared = household.languages.filter((language) => shelter.languages.includes(language));
    if (shared.length > 0) {
      reasons.push({ code: 'speaks', languages: shared });
      score += POINTS.language;
    }
    if (household.needsWheelchair) {
      const accessibleRoom = plan.roomIds.every((id) => shelter.rooms.find((r) => r.id === id)?.accessible);
      reasons.push({ code: 'wheelchair', accessibleRoom });
      if (accessibleRoom) score += POINTS.accessibleRoom;
    }
    if (household.hasPet) reasons.push({ code: 'petsWelcome' });
    // Family rooms are scarce: adults on their own are sent elsewhere when there is a choice.
    if (household.children === 0 && plan.roomIds.some((id) => shelter.rooms.find((r) => r.id === id)?.kind === 'family')) {
      score += POINTS.familyRoomForAdults;
    }
    const free = shelter.rooms.reduce((n, room) => n + room.freeBeds.length, 0);
    reasons.push({ code: 'freeAfter', free: free - size, total: shelter.inServiceBeds });
    // Spreading load: a shelter with more of its beds still free after this household scores higher.
    score += shelter.inServiceBeds > 0 ? (POINTS.load * (free - size)) / shelter.inServiceBeds : 0;
    reasons.push(shelter.lastConfirmedAt ? { code: 'confirmed', at: shelter.lastConfirmedAt } : { code: 'notConfirmed' });
    score += confirmationPoints(shelter.lastConfirmedAt, now);
    const suggestion = {
      ...about,
      home: shelter.home === true,
      score,
      beds: plan.beds,
      reasons,
      unusedRooms: unusedRooms(shelter, household, plan.roomIds),
    };
    safety.set(suggestion, planSafety(planRooms, household));
    if (shelter.home && !care.homesAlike) homesAfter.add(suggestion);
    suggestions.push(suggestion);
  }
  // Safety before every preference: a household of women is offered every place with a women's or a
  // family room before any mixed room, and a mixed room with a man booked last (safe-rooms.ts). Then
  // shelters before homes: a shelter has staff at the door, a home is a stranger's flat.
  const after = (s: Suggestion) => (homesAfter.has(s) ? 1 : 0);
  suggestions.sort(
    (a, b) => safety.get(a)! - safety.get(b)! || after(a) - after(b) || b.score - a.score || a.shelterName.localeCompare(b.shelterName),
  );
  excluded.sort((a, b) => a.shelterName.localeCompare(b.shelterName));
  return { suggestions, excluded };
}
