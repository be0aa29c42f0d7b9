import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { beds, rooms, shelters } from '@/db/schema';
import { can, type Permission } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed } from '@/lib/errors';

// An unknown id and another shelter's id are refused alike, so ids cannot be probed.

/** The shelter, if the caller may change it (`permission`: its profile and beds, or another part of it). */
export function editableShelter(db: Db, user: StaffUser, shelterId: string, permission: Permission = 'shelter.edit') {
  const shelter = db.select().from(shelters).where(eq(shelters.id, shelterId)).get();
  if (!shelter || !can(user, permission, { shelter })) throw notAllowed();
  return shelter;
}

// Every page under /shelters/[id] asks first: compiled once per connection.
const shelterById = (db: Db) =>
  db
    .select()
    .from(shelters)
    .where(eq(shelters.id, sql.placeholder('id')))
    .prepare();

export function viewableShelter(db: Db, user: StaffUser, shelterId: string) {
  const shelter = prepared(db, shelterById).get({ id: shelterId });
  if (!shelter || !can(user, 'shelter.view', { shelter })) return null;
  return shelter;
}

export function editableRoom(db: Db, user: StaffUser, roomId: string) {
  const row = db
    .select({ room: rooms, cityId: shelters.cityId })
    .from(rooms)
    .innerJoin(shelters, eq(shelters.id, rooms.shelterId))
    .where(eq(rooms.id, roomId))
    .get();
  if (!row || !can(user, 'shelter.edit', { shelter: { id: row.room.shelterId, cityId: row.cityId } })) throw notAllowed();
  return row.room;
}

export function editableBed(db: Db, user: StaffUser, bedId: string) {
  const row = db
    .select({ bed: beds, shelterId: rooms.shelterId, cityId: shelters.cityId })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .innerJoin(shelters, eq(shelters.id, rooms.shelterId))
    .where(eq(beds.id, bedId))
    .get();
  if (!row || !can(user, 'shelter.edit', { shelter: { id: row.shelterId, cityId: row.cityId } })) throw notAllowed();
  return { bed: row.bed, shelterId: row.shelterId };
}
