import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPoints } from '@/db/schema';

/** A meeting point as anyone on staff may see it: a public place (an airport), never a household's. */
export type MeetingPoint = { id: string; name: string; latitude: number; longitude: number };

export function listMeetingPoints(db: Db): MeetingPoint[] {
  return db
    .select({ id: meetingPoints.id, name: meetingPoints.name, latitude: meetingPoints.latitude, longitude: meetingPoints.longitude })
    .from(meetingPoints)
    .orderBy(asc(meetingPoints.name))
    .all();
}

export function meetingPointById(db: Db, id: string | null | undefined): MeetingPoint | null {
  if (!id) return null;
  return (
    db
      .select({ id: meetingPoints.id, name: meetingPoints.name, latitude: meetingPoints.latitude, longitude: meetingPoints.longitude })
      .from(meetingPoints)
      .where(eq(meetingPoints.id, id))
      .get() ?? null
  );
}
