import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './cities';
import { createdAt, id, timestamp } from './columns';
import { ROLES } from './enums';
import { shelters } from './shelters';

export const users = sqliteTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    locale: text('locale').notNull().default('en'),
    disabledAt: timestamp('disabled_at'),
    // A session issued before this instant is void: signing out and disabling bump it.
    sessionsValidAfter: timestamp('sessions_valid_after'),
    // A second factor (RFC 6238): the shared secret, sealed with a key derived from AUTH_SECRET so a
    // copy of the database alone does not give it away; set on enrolment, live once confirmed.
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at'),
    // The last time step a code was accepted for: a code is good once, even within its 30 seconds.
    totpLastStep: integer('totp_last_step'),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_role', sql`${t.role} in ('admin', 'guide', 'host')`),
    check('users_locale', sql`${t.locale} in ('en', 'ru', 'tr', 'uk')`),
  ],
);

export const shelterMembers = sqliteTable(
  'shelter_members',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.shelterId] }), index('shelter_members_shelter').on(t.shelterId)],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at').notNull(),
    acceptedAt: timestamp('accepted_at'),
    revokedAt: timestamp('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('invitations_role', sql`${t.role} in ('admin', 'guide', 'host')`),
  ],
);

export const invitationShelters = sqliteTable(
  'invitation_shelters',
  {
    invitationId: text('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.shelterId] })],
);

/** Failed sign-ins per hashed email or client address, for slowing down and refusing guessers. */
export const loginThrottles = sqliteTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at').notNull(),
  lockedUntil: timestamp('locked_until'),
});

/** Single-use recovery codes for the second factor, kept only as hashes. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/** Which cities a staff member holds. A guide or admin with no row holds every city. */
export const staffCities = sqliteTable(
  'staff_cities',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cityId] })],
);

/** The cities an invitation will give, copied to staff_cities when it is accepted. */
export const invitationCities = sqliteTable(
  'invitation_cities',
  {
    invitationId: text('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.cityId] })],
);
