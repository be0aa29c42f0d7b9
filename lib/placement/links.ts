import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';

export const LINK_DAYS = 30;

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** 256 random bits, URL-safe: a link nobody can guess. */
export const newLinkToken = () => randomBytes(32).toString('base64url');

/** A new link: the token for the person, and the hash and expiry that are all the database keeps. */
export function newLink(now: Date) {
  const token = newLinkToken();
  return { token, hash: hashLinkToken(token), expiresAt: new Date(now.getTime() + LINK_DAYS * 24 * 3600_000) };
}

/** A new 256-bit link for a stay, replacing any earlier one; only its hash is kept. */
export function issueLink(db: Db, stay: { id: string; shelterId: string }, actorId: string, now: Date): string {
  const { token, hash, expiresAt } = newLink(now);
  db.update(stays).set({ linkTokenHash: hash, linkExpiresAt: expiresAt }).where(eq(stays.id, stay.id)).run();
  recordAudit(db, { at: now, actorId, action: 'link.issue', entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });
  return token;
}

export function revokeLink(db: Db, stay: { id: string; shelterId: string }, actorId: string, now: Date): void {
  db.update(stays).set({ linkTokenHash: null, linkExpiresAt: null }).where(eq(stays.id, stay.id)).run();
  recordAudit(db, { at: now, actorId, action: 'link.revoke', entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });
}
