import type { Db } from '@/db';
import { shelterNeeds, type NeedKind } from '@/db/schema';
import { addDays, localDay } from '@/lib/calendar/days';

/** What two of Istanbul's listed shelters ask for on the public list, each for a few more days. */
const DEMO_NEEDS: { place: 'fatih' | 'kadikoy'; kind: NeedKind; note: string | null; daysLeft: number }[] = [
  { place: 'fatih', kind: 'blankets', note: null, daysLeft: 2 },
  { place: 'fatih', kind: 'interpreter', note: 'Arabic, evenings', daysLeft: 5 },
  { place: 'kadikoy', kind: 'food', note: 'Baby food', daysLeft: 3 },
];

/** In the seed's transaction: needs listed `now` by the Fatih host (Kadıköy's by the admin), ending on Istanbul's days ahead. */
export function seedDemoNeeds(
  tx: Db,
  now: Date,
  where: { fatih: string; kadikoy: string },
  authors: { host: string; admin: string },
): void {
  const today = localDay(now.getTime(), 'Europe/Istanbul');
  for (const need of DEMO_NEEDS)
    tx.insert(shelterNeeds)
      .values({
        shelterId: where[need.place],
        kind: need.kind,
        note: need.note,
        lastDay: addDays(today, need.daysLeft),
        createdBy: need.place === 'fatih' ? authors.host : authors.admin,
        createdAt: now,
      })
      .run();
}
