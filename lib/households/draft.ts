// An unsent intake, kept in this browser's localStorage under the guide's own user id so that two staff
// on one browser never see each other's drafts. It holds a household's alias, contact and note on the
// guide's phone, so it lives only as long as the work needs: until sent or discarded, at most 12 hours.

export const DRAFT_PREFIX = 'waystation.intake-draft.';
export const DRAFT_MAX_AGE_MS = 12 * 3600_000;

export type Draft = { savedAt: number; intakeKey: string; values: Record<string, string | string[]> };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const keyOf = (userId: string) => `${DRAFT_PREFIX}${userId}`;

/** A key for one draft; `crypto.randomUUID` exists only in secure contexts, so fall back to random bytes. */
export function newIntakeKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The guide's draft, or none; a draft older than 12 hours, or unreadable, is deleted on the way. */
export function readDraft(store: Store, userId: string, now: number): Draft | null {
  const raw = store.getItem(keyOf(userId));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    if (typeof draft.savedAt === 'number' && now - draft.savedAt <= DRAFT_MAX_AGE_MS && typeof draft.intakeKey === 'string' && draft.values)
      return draft;
  } catch {
    // Unreadable: dropped below like an expired one.
  }
  store.removeItem(keyOf(userId));
  return null;
}

export function saveDraft(store: Store, userId: string, draft: Draft): void {
  try {
    store.setItem(keyOf(userId), JSON.stringify(draft));
  } catch {
    // A full or disabled storage: the form still works, only the draft is not kept across a reload.
  }
}

export function clearDraft(store: Store, userId: string): void {
  store.removeItem(keyOf(userId));
}

/** Whether anyone's intake is kept on this device: the error page only says a form is kept, never whose. */
export function anyDraft(store: Store, now: number): boolean {
  // Read every key first: reading drops expired drafts, which would shift the indexes.
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => !!key?.startsWith(DRAFT_PREFIX));
  return keys.filter((key) => readDraft(store, key.slice(DRAFT_PREFIX.length), now)).length > 0;
}
