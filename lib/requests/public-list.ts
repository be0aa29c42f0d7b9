import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { beds, ROOM_KINDS, rooms, shelters, type RoomKind } from '@/db/schema';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { needsOfShelters, type NeedView } from '@/lib/shelters/needs';

/**
 * What the public list may say about a shelter: never its address, coordinates or contacts, which
 * only staff and people holding a reservation see.
 */
export type PublicShelter = {
  id: string;
  name: string;
  district: string;
  /** The city whose group it is listed in (lib/cities/public.ts). */
  cityId: string | null;
  freeBeds: number;
  roomKinds: RoomKind[];
  languages: string[];
  acceptsFamilies: boolean;
  acceptsPets: boolean;
  wheelchairAccessible: boolean;
  lastConfirmedAt: Date | null;
  /** What it needs now, on its own clock: a kind, a public note, a last day. */
  needs: Omit<NeedView, 'id'>[];
};

/**
 * Open shelters (never a private home, lib/homes) whose host chose to be listed, with their free beds tonight (lib/occupancy/free-tonight.ts)
 * and what they need now.
 */
export function publicShelters(db: Db, now: Date): PublicShelter[] {
  const listed = db
    .select({
      id: shelters.id,
      name: shelters.name,
      district: shelters.district,
      cityId: shelters.cityId,
      languages: shelters.languages,
      acceptsFamilies: shelters.acceptsFamilies,
      acceptsPets: shelters.acceptsPets,
      wheelchairAccessible: shelters.wheelchairAccessible,
      lastConfirmedAt: shelters.lastConfirmedAt,
    })
    .from(shelters)
    .where(and(eq(shelters.listedPublicly, true), eq(shelters.status, 'open'), eq(shelters.kind, 'shelter')))
    .orderBy(asc(shelters.name))
    .all();
  if (listed.length === 0) return [];
  const ids = listed.map((shelter) => shelter.id);
  const free = new Map(sheltersTonight(db, now, { shelterIds: ids }).map((shelter) => [shelter.id, shelter.free]));
  // The kinds of room that have a bed in service: an empty or broken room is nothing to offer.
  const kindRows = db
    .selectDistinct({ shelterId: rooms.shelterId, kind: rooms.kind })
    .from(rooms)
    .innerJoin(beds, eq(beds.roomId, rooms.id))
    .where(and(inArray(rooms.shelterId, ids), isNull(beds.outOfServiceReason)))
    .all();
  const needs = needsOfShelters(db, ids, now);
  return listed.map((shelter) => ({
    ...shelter,
    needs: (needs.get(shelter.id) ?? []).map(({ kind, note, lastDay }) => ({ kind, note, lastDay })),
    freeBeds: free.get(shelter.id) ?? 0,
    roomKinds: ROOM_KINDS.filter((kind) => kindRows.some((row) => row.shelterId === shelter.id && row.kind === kind)),
  }));
}
