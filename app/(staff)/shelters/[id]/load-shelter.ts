import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { viewableShelter } from '@/lib/shelters/access';

/**
 * The shelter a page under /shelters/[id] shows, checked against the caller. A shelter the caller
 * may not see (or, with `edit`, not change) is a 404, the same as one that does not exist.
 */
export async function loadShelter(params: Promise<{ id: string }>, options: { edit?: boolean } = {}) {
  const { id } = await params;
  const user = await requireStaff();
  const db = getDb();
  const shelter = viewableShelter(db, user, id);
  const editable = Boolean(shelter) && can(user, 'shelter.edit', { shelter: shelter! });
  if (!shelter || (options.edit && !editable)) notFound();
  return { user, db, shelter, editable };
}
