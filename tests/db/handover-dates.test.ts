import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { reserveBeds } from '@/lib/placement/reserve';
import { handoverStay, linkHandover } from '@/lib/placement/share';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// The guide's hand-over after reserving, as reservePlace builds it: the message names the stay's own
// first night and the shelter's door hours, read from the database, in the household's language.
const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const ORIGIN = 'https://ways.example';
// Sunday 6 December 2026, 19:00 in Yerevan (UTC+4).
const NOW = new Date('2026-12-06T15:00:00Z');
const shelter = makeShelter(db, {
  status: 'open',
  timeZone: 'Asia/Yerevan',
  checkInFrom: '15:00',
  checkInUntil: '22:30',
  acceptsFamilies: true,
});
const { beds } = makeRoom(db, shelter.id, 'family', 8);
const guide = asStaff(makeUser(db, 'guide'));
let nextBed = 0;

async function reserve(languages: string[], nights: { firstNight: string; departure: string }) {
  const arrival = makeArrival(db, { adultWomen: 1, adultMen: 1, children: 1, languages });
  const bedIds = beds.slice(nextBed, (nextBed += 3)).map((bed) => bed.id);
  const reservation = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds, ...nights }, NOW));
  return linkHandover(ORIGIN, reservation.token!, reservation.languages, NOW, 'stay', handoverStay(db, reservation.stayId));
}

describe('a reservation’s hand-over message', () => {
  it('for a family booked 7–9 December names Monday 7 December, not tonight', async () => {
    const handover = await reserve(['ru'], { firstNight: '2026-12-07', departure: '2026-12-10' });
    expect(handover.message).toMatch(
      /^Для вас есть место с 7 декабря \(пн\): заселение в этот день 15:00–22:30, 3 ночи\. .* https:\/\/ways\.example\/s\//,
    );
    expect(handover.message).not.toContain('этой ночи');
    expect(new URL(handover.telegram).searchParams.get('text')).toMatch(/^Для вас есть место с 7 декабря/);
  });

  it('for tonight says tonight, with the door hours', async () => {
    const handover = await reserve(['tr'], { firstNight: '2026-12-06', departure: '2026-12-08' });
    expect(handover.message).toMatch(/^Bu geceden itibaren yeriniz hazır \(6 Aralık Pazar\): giriş 15:00–22:30, 2 gece\./);
  });
});
