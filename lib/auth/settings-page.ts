import 'server-only';
import type { Db } from '@/db';
import { homesVerifiedByTwoFor } from '@/lib/homes/placing';
import { listChecks } from '@/lib/offers/checklist';
import { readNetworkSettings } from '@/lib/requests/settings';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { idleMinutesOf } from './idle-setting';
import { can } from './policy';
import type { StaffUser } from './staff';

/**
 * The settings page for an admin, or null for anyone else. What every city lives by (the network's
 * contact, the public form's ceiling, second factors, the idle limit) is an admin of every city's
 * only: `network` is null for an admin of some cities, who keeps their cities' own settings elsewhere.
 */
export function settingsPage(db: Db, user: StaffUser) {
  if (!can(user, 'city.edit')) return null;
  if (!can(user, 'network.configure')) return { network: null };
  return {
    network: {
      settings: readNetworkSettings(db),
      idleMinutes: idleMinutesOf(db),
      /** The offers' vetting checklist (lib/offers/checklist.ts). */
      checklist: listChecks(db),
      /** The kinds of household suggested only homes verified by two volunteers (lib/homes/placing.ts). */
      homesVerifiedByTwo: homesVerifiedByTwoFor(db) as string[],
      /** Requests one address may send an hour, alone and shared by many (lib/security/rate-limits.ts). */
      requestsPerAddress: RATE_LIMITS['request.address'].refuse,
      requestsPerSharedAddress: RATE_LIMITS['request.sharedAddress'].refuse,
    },
  };
}

export type NetworkSettingsView = NonNullable<NonNullable<ReturnType<typeof settingsPage>>['network']>;
