import 'server-only';
import { write, type Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { tonightIn } from '@/lib/calendar/nights';
import { listCities } from '@/lib/cities/cities';
import { cityTimeZone } from '@/lib/cities/clock';
import { householdCityNames } from '@/lib/cities/household';
import { verifiedHomesFor } from '@/lib/homes/placing';
import { membersOf, roomAdmits } from '@/lib/matching/plan';
import { asksSafeRoom } from '@/lib/matching/safe-rooms';
import { suggestPlacements, type Suggestion } from '@/lib/matching/suggest';
import { householdMeetingPoint, whereaboutsOf } from '@/lib/meeting-points/household';
import { listMeetingPoints, pointIsIn } from '@/lib/meeting-points/points';
import { nightsFromQuery, nightsToSearch } from '@/lib/nights/wanted';
import { recordNoFit } from '@/lib/occupancy/unmet';
import { householdCities, placeGroups } from '@/lib/placement/city-places';
import { elsewhereCities } from '@/lib/placement/city-rule';
import { applyExpiry } from '@/lib/placement/read';
import { roomNameLookup } from '@/lib/shelters/room-names';
import { householdForCaller, type StayView } from './queries';

// A guide on a phone chooses among the first few places; the rest are one tap away. Listing every
// shelter with every free bed made this page too heavy for a surge (the surge bench, docs/benchmarks.md).
const SHOWN_SUGGESTIONS = 5;

/**
 * What the household page's address asks for: the guide's dates, other cities' places, every place,
 * and homes ranked alike with shelters (?homes=alike) rather than after them.
 */
export type PlacementQuery = { from?: string; to?: string; elsewhere: boolean; all: boolean; homesAlike?: boolean };

const withoutHousehold = ({ household: _shownAbove, ...stay }: StayView) => stay;

/**
 * Everything the household page shows its caller, or null when they may not open it (the same as
 * unknown). Holds past their time are let go first, so the page never offers a bed a hold no longer
 * keeps; and a waiting household for whose own nights no shelter fits is counted as unmet demand.
 */
export function placementPage(db: Db, user: StaffUser, id: string, query: PlacementQuery, now: Date, locale: string) {
  applyExpiry(db, now);
  const found = householdForCaller(db, user, id, now, locale);
  if (!found) return null;
  const { household, current } = found;

  // The nights to find beds for: the guide's dates, else the household's own (expected arrival, nights
  // asked for); a stay being moved needs the nights it has left, to a departure the guide may change.
  const cityOf = householdCities(db, household.id);
  const timeZone = cityTimeZone(db, cityOf.cityId);
  const tonight = tonightIn(timeZone, now);
  const searched = current
    ? { firstNight: current.firstNight > tonight ? current.firstNight : tonight, departure: current.departure }
    : nightsToSearch(db, { ...household, cityId: cityOf.cityId }, now);
  const asked = nightsFromQuery(current ? undefined : query.from, query.to, searched, tonight);
  // Its own city's shelters, where it is going, and other cities' only when the guide asks (?elsewhere=1).
  const cityList = listCities(db, locale);
  const elsewhereIds = cityOf.cityId
    ? elsewhereCities(
        user,
        cityOf,
        cityList.map((city) => city.id),
      )
    : [];
  const showElsewhere = query.elsewhere && elsewhereIds.length > 0;
  const needs = { ...household.composition, languages: household.languages };
  const groups = placeGroups(db, cityOf, {
    nights: asked.range,
    exceptStayId: current?.id ?? null,
    elsewhere: showElsewhere ? elsewhereIds : [],
    menBookedAt: asksSafeRoom(needs) ? now : undefined,
  });
  const network = groups.flatMap((group) => group.network);
  const whereabouts = whereaboutsOf(db, household.id, locale);
  // Homes after shelters unless the guide asks otherwise; for the kinds the network names, only homes verified by two.
  const care = { homesAlike: query.homesAlike === true, verifiedHomes: verifiedHomesFor(db, needs, network) };
  const [ranked, ...otherRanked] = groups.map((group) => ({
    ...group,
    ...suggestPlacements(group.network, needs, now, asked.range, whereabouts, care),
  }));
  // Unmet demand: a waiting household for whose own nights no shelter fits (not for dates a guide is trying).
  if (
    household.status === 'waiting' &&
    !query.from &&
    !query.to &&
    [ranked, ...otherRanked].every((group) => group.kind === 'elsewhere' || group.suggestions.length === 0)
  ) {
    write(db, (tx) => recordNoFit(tx, { id: household.id, cityId: cityOf.cityId, ...household.composition }, now));
  }
  // When moving, the plan that keeps them where they are is no move at all.
  const currentBeds = new Set(current?.beds.map((bed) => bed.bedId) ?? []);
  const possibleOf = (list: Suggestion[]) =>
    list.filter((s) => !(currentBeds.size > 0 && s.beds.length === currentBeds.size && s.beds.every((bed) => currentBeds.has(bed.bedId))));
  const possible = possibleOf(ranked.suggestions);
  // Rooms named in the screen's language where their host gave them such a name.
  const roomName = roomNameLookup(
    db,
    network.flatMap((shelter) => shelter.rooms),
    locale,
  );
  const named = (list: Suggestion[]) =>
    (query.all ? list : list.slice(0, SHOWN_SUGGESTIONS)).map((s) => ({
      ...s,
      beds: s.beds.map((bed) => ({ ...bed, roomName: roomName(bed.roomId, bed.roomName) })),
      reasons: s.reasons.map((reason) =>
        reason.code === 'menBooked' ? { ...reason, room: roomName(reason.roomId, reason.room) } : reason,
      ),
    }));
  const suggestions = named(possible);
  const cityName = (cityId: string | null) => cityList.find((city) => city.id === cityId)?.name ?? null;
  const otherPlaces = otherRanked.map((group) => ({
    kind: group.kind,
    city: cityName(group.cityId),
    suggestions: named(possibleOf(group.suggestions)),
  }));
  const shown = new Set([...suggestions, ...otherPlaces.flatMap((group) => group.suggestions)].map((s) => s.shelterId));
  const members = membersOf(needs);
  const freeRooms = Object.fromEntries(
    network
      .filter((shelter) => shown.has(shelter.id))
      .map((shelter) => [
        shelter.id,
        shelter.rooms
          .filter((room) => room.freeBeds.length > 0 && members.some((m) => roomAdmits(room.kind, m, shelter.acceptsFamilies)))
          .map((room) => ({ id: room.id, name: roomName(room.id, room.name), beds: room.freeBeds })),
      ]),
  );
  // Where they may be now: the points of the household's own city (that the guide holds).
  const meetingPoints = listMeetingPoints(db, user, locale).filter((point) => pointIsIn(point, cityOf.cityId));
  const chosen = !!(query.from || query.to);
  const dates: Record<string, string> = {
    ...(chosen ? { from: asked.range.firstNight, to: asked.range.departure } : {}),
    ...(care.homesAlike ? { homes: 'alike' } : {}),
  };
  const homesShown = network.some((shelter) => shelter.home);
  return {
    household,
    current,
    // The workspace shows the stay; the household is shown above it already.
    stay: current ? withoutHousehold(current) : null,
    timeZone,
    cityName: cityName(cityOf.cityId),
    cityNames: householdCityNames(db, household.id, locale),
    meetingPoints,
    meetingPointId: meetingPoints.length > 0 ? (householdMeetingPoint(db, household.id)?.id ?? null) : null,
    suggestions,
    excluded: ranked.excluded,
    freeRooms,
    more:
      suggestions.length < possible.length
        ? {
            count: possible.length,
            href: `/arrivals/${household.id}?${new URLSearchParams({ ...dates, ...(showElsewhere ? { elsewhere: '1' } : {}), all: '1' })}`,
          }
        : null,
    otherPlaces,
    elsewhereHref:
      elsewhereIds.length > 0 && !showElsewhere
        ? `/arrivals/${household.id}?${new URLSearchParams({ ...dates, elsewhere: '1' })}#elsewhere-title`
        : null,
    nights: { ...asked.range, error: asked.error ?? null, chosen },
    /** The control over where homes rank, when the household's cities have any. */
    homes: homesShown
      ? {
          alike: care.homesAlike,
          href: `/arrivals/${household.id}?${new URLSearchParams({
            ...(chosen ? { from: asked.range.firstNight, to: asked.range.departure } : {}),
            ...(showElsewhere ? { elsewhere: '1' } : {}),
            ...(query.all ? { all: '1' } : {}),
            ...(care.homesAlike ? {} : { homes: 'alike' }),
          })}`,
        }
      : null,
  };
}
