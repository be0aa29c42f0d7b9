import { databasePath, openDatabase, write } from '../db';
import { migrateDatabase } from '../db/migrate';
import { createInvitation } from '../lib/staff/invitations';
import { emailField } from '../lib/validation/common';

// `npm run invite-admin -- you@example.org`: a one-time link, valid 7 days, for a new admin. This is
// how a production installation (which never gets demo data) gets its first account.
const parsed = emailField.safeParse(process.argv[2] ?? '');
if (!parsed.success) {
  console.error('usage: npm run invite-admin -- you@example.org');
  process.exit(2);
}
const { db, sqlite } = openDatabase(databasePath());
migrateDatabase(db);
try {
  const { token, expiresAt } = write(db, (tx) =>
    createInvitation(tx, 'operator', { email: parsed.data, role: 'admin', shelterIds: [] }, new Date()),
  );
  const origin = process.env.AUTH_URL ? new URL(process.env.AUTH_URL).origin : `http://localhost:${process.env.PORT || 3000}`;
  console.log(`Invitation for ${parsed.data} (admin), valid until ${expiresAt.toISOString()}:\n${origin}/invite/${token}`);
} catch (error) {
  console.error((error as Error).message === 'emailTaken' ? `${parsed.data} already has an account.` : error);
  process.exit(1);
} finally {
  sqlite.close();
}
