import { afterAll, describe, expect, it } from 'vitest';
import { renderLinkPage } from '@/components/public/render';
import { stays } from '@/db/schema';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { linkPageData } from '@/lib/guest-link/page-data';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival, makeCity, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-12-01T11:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

const shelter = makeShelter(db, { status: 'open', name: 'Moda Evi' });
makeRoom(db, shelter.id, 'women', 4);
makeRoom(db, shelter.id, 'men', 1);
// A closed shelter's beds are nobody's tonight.
makeRoom(db, makeShelter(db, { status: 'closed' }).id, 'women', 10);

/** A household registered `waited` minutes before its first reservation, placed `placedAgo` minutes before now. */
function placedAfter(waited: number, placedAgo: number, composition = { adultWomen: 1, adultMen: 0, children: 0 }) {
  const arrival = makeArrival(db, {
    ...composition,
    status: 'left',
    createdAt: ago(placedAgo + waited),
    arrivedAt: ago(placedAgo + waited),
  });
  db.insert(stays)
    .values({
      arrivalId: arrival.id,
      shelterId: shelter.id,
      status: 'checked_out',
      createdAt: ago(placedAgo),
      holdUntil: ago(placedAgo - 60),
      endedAt: ago(placedAgo - 600),
    })
    .run();
}
// Women waited 1, 2, 2, 3 and 5 hours this fortnight: three in four within 3 hours.
for (const [waited, placedAgo] of [
  [60, 600],
  [120, 2000],
  [120, 5000],
  [180, 9000],
  [300, 15_000],
])
  placedAfter(waited, placedAgo);
// Waits older than 14 days, and men's waits, say nothing about a woman's wait today.
for (let i = 0; i < 5; i++) placedAfter(3000, 15 * 24 * 60);
for (let i = 0; i < 5; i++) placedAfter(2000, 600, { adultMen: 1, adultWomen: 0, children: 0 });

function request(composition: { adultWomen: number; adultMen: number; children: number }, askedAgo: number) {
  const token = newLinkToken();
  makeArrival(db, {
    ...composition,
    selfRegistered: true,
    requestTokenHash: hashLinkToken(token),
    createdAt: ago(askedAgo),
    arrivedAt: ago(askedAgo),
  });
  return token;
}

const text = async (token: string, locale: ArrivalLocale) =>
  (await renderLinkPage(linkPageData(db, token, NOW)!, locale, NOW)).replace(/<[^>]+>/g, '\n');

describe('the expected wait on the link of a request still waiting', () => {
  const mine = request({ adultWomen: 1, adultMen: 0, children: 0 }, 0);
  // Ten men asked earlier: they wait for men's beds, not hers.
  for (let i = 0; i < 10; i++) request({ adultMen: 1, adultWomen: 0, children: 0 }, 30);

  it.each([
    ['en', 'People are usually placed within an hour.'],
    ['ru', 'Обычно место находится в течение часа.'],
    ['uk', 'Зазвичай місце знаходиться протягом години.'],
    ['tr', 'Genellikle bir saat içinde yer bulunuyor.'],
  ] as const)(
    'in %s: within the hour while a women’s bed is free for her, though women once waited up to 5 hours',
    async (locale, sentence) => {
      expect(linkPageData(db, mine, NOW)).toMatchObject({ kind: 'waiting', expected: { kind: 'underHour' } });
      expect(await text(mine, locale)).toContain(sentence);
    },
  );

  it('says probably tomorrow once more women wait before her than tonight has beds for, never how many', async () => {
    for (let i = 0; i < 4; i++) request({ adultWomen: 1, adultMen: 0, children: 0 }, 10);
    expect(linkPageData(db, mine, NOW)).toMatchObject({ expected: { kind: 'tonightFull' } });
    const en = await text(mine, 'en');
    expect(en).toContain('Probably tomorrow: tonight there are fewer free beds than people waiting.');
    expect(await text(mine, 'ru')).toContain('Скорее всего, завтра');
    expect(en).not.toMatch(/position|place \d|\d+(st|nd|rd|th) in/i);
  });

  it('counts only beds in her own city: a free bed in another city is no bed tonight', async () => {
    const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
    const token = newLinkToken();
    makeArrival(db, {
      adultWomen: 1,
      cityId: yerevan.id,
      selfRegistered: true,
      requestTokenHash: hashLinkToken(token),
      createdAt: NOW,
      arrivedAt: NOW,
    });
    expect(linkPageData(db, token, NOW)).toMatchObject({ expected: { kind: 'tonightFull' } });
    makeRoom(db, makeShelter(db, { status: 'open', cityId: yerevan.id, timeZone: 'Asia/Yerevan' }).id, 'women', 1);
    expect(linkPageData(db, token, NOW)).toMatchObject({ expected: { kind: 'underHour' } });
  });
});
