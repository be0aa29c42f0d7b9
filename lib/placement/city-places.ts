import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import type { NightRange } from '@/lib/calendar/nights';
import type { ShelterAvailability } from '@/lib/matching/types';
import { networkAvailability } from './availability';
import type { HouseholdCities, PlacementKind } from './city-rule';
import { withMenBooked } from './room-company';

/** The shelters offered for one household, in groups: its own city's, where it is going, and (asked for) elsewhere. */
export type PlaceGroup = { kind: PlacementKind; cityId: string | null; network: ShelterAvailability[] };

export function householdCities(db: Db, arrivalId: string): HouseholdCities {
  return (
    db
      .select({ cityId: arrivals.cityId, destinationCityId: arrivals.destinationCityId })
      .from(arrivals)
      .where(eq(arrivals.id, arrivalId))
      .get() ?? { cityId: null, destinationCityId: null }
  );
}

/**
 * The shelters to suggest for a household the caller may act on: those of its own city (all of them
 * for a household with no city), of the city it is going to if it named one, and only when the guide
 * asks, those of `elsewhere` (city-rule.ts elsewhereCities). Each group is one read of its cities' beds.
 * `menBookedAt` (for a household of women, lib/matching/safe-rooms.ts): mixed rooms also say how many
 * men are booked or staying there, as of that time.
 */
export function placeGroups(
  db: Db,
  household: HouseholdCities,
  options: { nights: NightRange; exceptStayId?: string | null; elsewhere: string[]; menBookedAt?: Date },
): PlaceGroup[] {
  const read = (cityIds?: string[]) => {
    const network = networkAvailability(db, { nights: options.nights, exceptStayId: options.exceptStayId, cityIds });
    return options.menBookedAt ? withMenBooked(db, network, options.nights, options.menBookedAt, options.exceptStayId) : network;
  };
  const home = household.cityId;
  const groups: PlaceGroup[] = [{ kind: 'home', cityId: home, network: read(home ? [home] : undefined) }];
  if (!home) return groups;
  const destination = household.destinationCityId;
  if (destination && destination !== home) groups.push({ kind: 'destination', cityId: destination, network: read([destination]) });
  if (options.elsewhere.length > 0) groups.push({ kind: 'elsewhere', cityId: null, network: read(options.elsewhere) });
  return groups;
}
