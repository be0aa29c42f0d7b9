import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { networkSettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed } from '@/lib/errors';
import type { ShelterAvailability } from '@/lib/matching/types';
import { HOUSEHOLD_KINDS, householdKind, type HouseholdKind } from '@/lib/occupancy/kind';

/** The kinds of household (men, women, families) the network suggests only homes verified by two volunteers. */
export function homesVerifiedByTwoFor(db: Db): HouseholdKind[] {
  const kinds = db.select({ kinds: networkSettings.homesVerifiedByTwo }).from(networkSettings).get()?.kinds ?? [];
  return HOUSEHOLD_KINDS.filter((kind) => kinds.includes(kind));
}

/** Network setting (Settings, an admin of every city): which kinds of household get only homes verified by two. */
export function saveHomesVerifiedByTwo(db: Db, user: StaffUser, kinds: HouseholdKind[], now: Date): void {
  if (!can(user, 'network.configure')) throw notAllowed();
  const values = { homesVerifiedByTwo: HOUSEHOLD_KINDS.filter((kind) => kinds.includes(kind)), updatedAt: now, updatedBy: user.id };
  db.insert(networkSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: networkSettings.id, set: values })
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'network.homes_verified_by_two', entity: 'network' });
}

/**
 * "Verified by two volunteers", exactly: the network's checklist has items, and every item of it as
 * it stands is ticked for the home's offer by at least two different staff members (offer_ticks is
 * keyed by person, so two ticks are two people). Stricter than the checklist's own "two people" items:
 * each thing checked was checked twice, by different people. Of `homeIds`, those that are.
 */
export function homesVerifiedByTwo(db: Db, homeIds: string[]): Set<string> {
  if (homeIds.length === 0) return new Set();
  const rows = db.all<{ shelter_id: string }>(sql`
    select o.shelter_id from offers o
     where o.shelter_id in (select value from json_each(${JSON.stringify(homeIds)}))
       and exists (select 1 from vetting_checks)
       and not exists (
         select 1 from vetting_checks c
          where (select count(*) from offer_ticks t where t.offer_id = o.id and t.check_id = c.id) < 2)`);
  return new Set(rows.map((row) => row.shelter_id));
}

/**
 * For a household whose kind the network names, the homes of `network` it may be suggested (those
 * verified by two); null when any home will do.
 */
export function verifiedHomesFor(
  db: Db,
  household: { adultMen: number; adultWomen: number; children: number },
  network: ShelterAvailability[],
): Set<string> | null {
  if (!homesVerifiedByTwoFor(db).includes(householdKind(household))) return null;
  return homesVerifiedByTwo(
    db,
    network.filter((shelter) => shelter.home).map((shelter) => shelter.id),
  );
}
