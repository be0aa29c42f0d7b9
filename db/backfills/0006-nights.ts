import { and, eq, isNull } from 'drizzle-orm';
import { write, type Db } from '../index';
import { bedNights, shelters, stayBeds, stays } from '../schema';

// Frozen with migration 0006: this file imports nothing from lib/, so a later change to how stays
// are booked cannot change what upgrading an old database does (decision 0015).

/** The calendar date at `instant` in `timeZone`, as YYYY-MM-DD. */
function localDay(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function addNights(night: string, count: number): string {
  const date = new Date(`${night}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Books each bed for each night from `firstNight` up to (not including) `departure`. */
function bookNights(db: Db, stayId: string, bedIds: string[], range: { firstNight: string; departure: string }): void {
  for (const bedId of new Set(bedIds))
    for (let night = range.firstNight; night < range.departure; night = addNights(night, 1))
      db.insert(bedNights).values({ bedId, night, stayId }).run();
}

/**
 * Gives stays from before migration 0006 their nights, once (docs/operations.md, "Upgrades"). A stay's first night
 * is the local day it was checked in, else reserved. An ended stay departs the day it ended (at least
 * the day after its first night). A running stay departs after the shelter's usual stay, but never
 * before tomorrow, so nobody in a bed tonight loses it; its nights from tonight are booked in bed_nights.
 */
export function backfillNights(db: Db, now: Date): number {
  const rows = db
    .select({ stay: stays, shelter: { timeZone: shelters.timeZone, usualNights: shelters.usualNights } })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(isNull(stays.firstNight))
    .all();
  if (rows.length === 0) return 0;
  write(db, (tx) => {
    for (const { stay, shelter } of rows) {
      const firstNight = localDay((stay.checkedInAt ?? stay.createdAt).getTime(), shelter.timeZone);
      const live = stay.status === 'reserved' || stay.status === 'checked_in';
      const tonight = localDay(now.getTime(), shelter.timeZone);
      const ended = stay.endedAt ? localDay(stay.endedAt.getTime(), shelter.timeZone) : null;
      const planned = addNights(firstNight, shelter.usualNights);
      const departure = live
        ? [planned, addNights(tonight, 1)].sort().at(-1)!
        : [ended ?? planned, addNights(firstNight, 1)].sort().at(-1)!;
      tx.update(stays).set({ firstNight, departure }).where(eq(stays.id, stay.id)).run();
      if (!live) continue;
      const bedIds = tx
        .select({ bedId: stayBeds.bedId })
        .from(stayBeds)
        .where(and(eq(stayBeds.stayId, stay.id), isNull(stayBeds.releasedAt)))
        .all()
        .map((row) => row.bedId);
      bookNights(tx, stay.id, bedIds, { firstNight: firstNight > tonight ? firstNight : tonight, departure });
    }
  });
  return rows.length;
}
