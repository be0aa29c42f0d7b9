import { eq } from 'drizzle-orm';
import { write, type Db } from '@/db';
import { users } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { recordLoginFailure, recordLoginSuccess, throttleKeys, throttleState } from './throttle';

export type SignInResult =
  | { kind: 'ok'; user: typeof users.$inferSelect }
  | { kind: 'rejected' }
  | { kind: 'locked'; until: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password. A wrong email and a wrong password take as long and answer the same;
 * repeated failures are slowed down and then refused until the lock passes.
 */
export async function checkCredentials(
  db: Db,
  input: { email: string; password: string; address: string; now: Date },
  options: { sleep?: (ms: number) => Promise<unknown> } = {},
): Promise<SignInResult> {
  const keys = throttleKeys(input.email, input.address);
  const before = throttleState(db, keys, input.now);
  if (before.lockedUntil) return { kind: 'locked', until: before.lockedUntil };
  if (before.delayMs > 0) await (options.sleep ?? sleep)(before.delayMs);

  const user = db.select().from(users).where(eq(users.email, input.email)).get();
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (user && matches && !user.disabledAt) {
    write(db, (tx) => recordLoginSuccess(tx, keys));
    return { kind: 'ok', user };
  }
  const after = write(db, (tx) => recordLoginFailure(tx, keys, input.now));
  return after.lockedUntil ? { kind: 'locked', until: after.lockedUntil } : { kind: 'rejected' };
}

export function lockedUntil(db: Db, email: string, address: string, now: Date): Date | null {
  return throttleState(db, throttleKeys(email, address), now).lockedUntil;
}
