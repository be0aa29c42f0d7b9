import type { Db } from '@/db';
import { networkSettings } from '@/db/schema';
import type { SecondFactorPolicy } from '@/db/schema/enums';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed } from '@/lib/errors';
import { DEFAULT_RETENTION_DAYS } from '@/lib/privacy/retention';
import type { NetworkSettingsInput } from '@/lib/validation/request';

export type NetworkContact = { phone: string | null; telegram: string | null; whatsapp: string | null };
export type NetworkSettings = { contact: NetworkContact; requestsPerHour: number; retentionDays: number; secondFactor: SecondFactorPolicy };

/** Until an admin saves the settings: no contact to show, and a modest ceiling on requests. */
export const DEFAULT_REQUESTS_PER_HOUR = 30;

export function readNetworkSettings(db: Db): NetworkSettings {
  const row = db.select().from(networkSettings).get();
  return {
    contact: { phone: row?.contactPhone ?? null, telegram: row?.contactTelegram ?? null, whatsapp: row?.contactWhatsapp ?? null },
    requestsPerHour: row?.requestsPerHour ?? DEFAULT_REQUESTS_PER_HOUR,
    retentionDays: row?.retentionDays ?? DEFAULT_RETENTION_DAYS,
    secondFactor: row?.secondFactor ?? 'off',
  };
}

export function saveNetworkSettings(db: Db, user: StaffUser, input: NetworkSettingsInput, now: Date): void {
  if (!can(user, 'network.configure')) throw notAllowed();
  const values = {
    contactPhone: input.contactPhone,
    contactTelegram: input.contactTelegram,
    contactWhatsapp: input.contactWhatsapp,
    requestsPerHour: input.requestsPerHour,
    retentionDays: input.retentionDays,
    updatedAt: now,
    updatedBy: user.id,
  };
  db.insert(networkSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: networkSettings.id, set: values })
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'network.settings', entity: 'network' });
}

/** Kept apart from the form above so that saving the contact never touches who needs a second factor. */
export function saveSecondFactorPolicy(db: Db, user: StaffUser, secondFactor: SecondFactorPolicy, now: Date): void {
  if (!can(user, 'network.configure')) throw notAllowed();
  const values = { secondFactor, updatedAt: now, updatedBy: user.id };
  db.insert(networkSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: networkSettings.id, set: values })
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'network.second_factor', entity: 'network' });
}
