import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, beds, rooms, shelterClosures, shelters } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE, zonedWallClockToUtc } from '@/lib/calendar/zones';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn } from '@/lib/placement/stays';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type DemoStaff = { guide: StaffUser; host: StaffUser; admin: StaffUser };

function bedsOf(tx: Db, shelterName: string, roomName: string): string[] {
  return tx
    .select({ id: beds.id, outOfService: beds.outOfServiceReason })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .innerJoin(shelters, eq(shelters.id, rooms.shelterId))
    .where(and(eq(shelters.name, shelterName), eq(rooms.name, roomName)))
    .orderBy(asc(beds.label))
    .all()
    .filter((bed) => bed.outOfService === null)
    .map((bed) => bed.id);
}

function household(tx: Db, values: { alias: string; adultMen?: number; adultWomen?: number; children?: number; at: Date }) {
  return tx
    .insert(arrivals)
    .values({
      alias: values.alias,
      adultMen: values.adultMen ?? 0,
      adultWomen: values.adultWomen ?? 0,
      children: values.children ?? 0,
      languages: ['ru'],
      arrivedAt: values.at,
      createdAt: values.at,
    })
    .returning()
    .get();
}

/**
 * The demo's present, made through the same domain calls a guide and a host use, at the times they
 * would have made them: guests who leave today, tomorrow, and one past their departure; a household
 * arriving tonight; bookings ahead; a room closed next week; a household expected to land tomorrow.
 * Seen whatever the hour the demo starts: tonight's arrivals are booked for the first night still open.
 */
export function seedDemoNow(tx: Db, now: Date, staff: DemoStaff): void {
  const tonight = tonightIn(NETWORK_TIME_ZONE, now);
  const menBeds = bedsOf(tx, 'Fatih Free Shelter', "Men's dorm");
  const womenBeds = bedsOf(tx, 'Fatih Free Shelter', "Women's dorm");
  const sideRoomBeds = bedsOf(tx, 'Kadıköy Church Hall', 'Side room');
  const hallBeds = bedsOf(tx, 'Kadıköy Church Hall', 'Hall');
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  // Checked in some nights ago: one leaves today, one tomorrow, one should have left yesterday.
  const staying = [
    { alias: 'Nikolai', adultMen: 1, bed: menBeds[0], nightsAgo: 2, nights: 2 },
    { alias: 'Sofia', adultWomen: 1, bed: womenBeds[0], nightsAgo: 1, nights: 2 },
    { alias: 'Ivan', adultMen: 1, bed: menBeds[1], nightsAgo: 4, nights: 3 },
  ];
  for (const guest of staying) {
    const at = daysAgo(guest.nightsAgo);
    const firstNight = addNights(tonight, -guest.nightsAgo);
    // Reserved at 15:00 on their first day, checked in at 17:00.
    const reservedAt = zonedWallClockToUtc(`${firstNight}T15:00`, NETWORK_TIME_ZONE);
    const arrival = household(tx, { ...guest, at: new Date(Math.min(at.getTime(), reservedAt.getTime()) - HOUR) });
    const { stayId } = reserveBeds(
      tx,
      staff.guide,
      { arrivalId: arrival.id, bedIds: [guest.bed], firstNight, departure: addNights(firstNight, guest.nights) },
      reservedAt,
    );
    checkIn(tx, staff.host, stayId, new Date(reservedAt.getTime() + 2 * HOUR));
  }

  // Arriving tonight (or tomorrow, once tonight's door has closed), booked an hour ago.
  const soon = household(tx, { alias: 'Timur', adultMen: 1, at: new Date(now.getTime() - 2 * HOUR) });
  reserveBeds(tx, staff.guide, { arrivalId: soon.id, bedIds: [menBeds[2]] }, now);
  // Bookings ahead at Kadıköy: a family for two nights from the day after tomorrow, a woman from tomorrow.
  const family = household(tx, { alias: 'Kuznetsov family', adultMen: 1, adultWomen: 1, children: 2, at: daysAgo(1) });
  reserveBeds(
    tx,
    staff.guide,
    { arrivalId: family.id, bedIds: sideRoomBeds.slice(0, 4), firstNight: addNights(tonight, 2), departure: addNights(tonight, 4) },
    now,
  );
  const anna = household(tx, { alias: 'Anna', adultWomen: 1, at: daysAgo(1) });
  reserveBeds(
    tx,
    staff.guide,
    { arrivalId: anna.id, bedIds: [hallBeds[0]], firstNight: addNights(tonight, 1), departure: addNights(tonight, 4) },
    now,
  );

  // Registered before landing: expected tomorrow at 14:00, for three nights.
  tx.insert(arrivals)
    .values({
      alias: 'Pavel',
      adultMen: 1,
      languages: ['ru', 'en'],
      arrivedAt: now,
      createdAt: now,
      expectedAt: zonedWallClockToUtc(`${addNights(tonight, 1)}T14:00`, NETWORK_TIME_ZONE),
      nightsWanted: 3,
      contact: '@pavel_demo',
    })
    .run();

  // The Beşiktaş host is away for three nights next week: its living room takes no one.
  const besiktas = tx.select().from(shelters).where(eq(shelters.name, 'Beşiktaş Flat')).get()!;
  const livingRoom = tx.select().from(rooms).where(eq(rooms.name, 'Living room')).get()!;
  tx.insert(shelterClosures)
    .values({
      shelterId: besiktas.id,
      roomId: livingRoom.id,
      firstNight: addNights(tonight, 5),
      lastNight: addNights(tonight, 7),
      reason: 'Host away',
      createdBy: staff.admin.id,
      createdAt: now,
    })
    .run();
}
