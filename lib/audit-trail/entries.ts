import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { cities } from '@/db/schema';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { isLive } from '@/lib/privacy/shares';
import { onlyCityOf, seesCity, seesPerson, type AuditReach, type AuditRow } from './trail';

/** Who did it, as the page may name them. */
export type AuditWho =
  { kind: 'staff'; role: string; name: string | null; href: string | null } | { kind: 'guest'; href: string | null } | { kind: 'system' };

/**
 * One event as an admin reads it: made from the live records so that a name or link is there only
 * while its record is, and only what this admin may open (a household of their cities and not erased,
 * a staff member within their reach). Never a household's name or contact: an admin sees those only
 * after asking on the household's page.
 */
export type AuditEntry = {
  id: string;
  at: number;
  /** The clock of the city it happened in; the network's for what belongs to no city. */
  timeZone: string;
  city: string | null;
  action: string;
  who: AuditWho;
  shelter: { name: string; href: string | null } | null;
  householdHref: string | null;
  staff: { name: string; href: string } | null;
  beds: number | null;
  nights: { first: string; departure: string } | null;
};

export const staffHref = (userId: string) => `/staff#person-${userId}`;

const cityZones = statement(() => sql`select ${cities.id}, ${cities.timeZone} from ${cities}`);

export function auditEntries(db: Db, rows: AuditRow[], reach: AuditReach, cityNames: Map<string, string>): AuditEntry[] {
  const zones = new Map(cityZones(db).raw().all() as [string, string][]);
  const ownZone = zones.get(onlyCityOf(reach) ?? '') ?? NETWORK_TIME_ZONE;
  return rows.map((row) => {
    // Linked only when the household page would open for this admin (mayActOn: live, and of their cities).
    const household = {
      status: row.householdStatus ?? '',
      erasedAt: row.householdErased ? new Date(row.householdErased) : null,
      cityId: row.householdCityId,
    };
    const householdHref =
      row.householdId && isLive(household) && seesCity(reach, row.householdCityId) ? `/arrivals/${row.householdId}` : null;
    const who: AuditWho =
      row.actorKind === 'guest'
        ? { kind: 'guest', href: householdHref }
        : row.actorKind === 'system'
          ? { kind: 'system' }
          : {
              kind: 'staff',
              role: row.actorRole ?? 'other',
              name: row.actorId && seesPerson(reach, row.actorId) ? row.actorName : null,
              href: row.actorId && row.actorName && seesPerson(reach, row.actorId) ? staffHref(row.actorId) : null,
            };
    return {
      id: row.id,
      at: row.at,
      timeZone: (row.cityId && zones.get(row.cityId)) || ownZone,
      city: (row.cityId && cityNames.get(row.cityId)) || null,
      action: row.action,
      who,
      shelter: row.shelterName ? { name: row.shelterName, href: `/shelters/${row.shelterId}` } : null,
      householdHref,
      staff:
        row.staffName && row.entityId && seesPerson(reach, row.entityId) ? { name: row.staffName, href: staffHref(row.entityId) } : null,
      beds: row.entity === 'stay' && row.beds ? row.beds : null,
      nights: row.firstNight && row.departure ? { first: row.firstNight, departure: row.departure } : null,
    };
  });
}
