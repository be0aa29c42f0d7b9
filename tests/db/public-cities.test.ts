import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLinkPage, renderRequestForm, renderShelterList } from '@/components/public/render';
import { publicList } from '@/lib/cities/public';
import { ARRIVAL_LOCALES } from '@/lib/guest-link/locale';
import { makeCity, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T14:00:00Z');
sqlite.prepare("insert into network_settings (id, contact_phone, contact_telegram) values (1, '+90 555 000 0100', '@network_help')").run();
const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul' });
const yerevan = makeCity(db, 'Yerevan', {
  slug: 'yerevan',
  timeZone: 'Asia/Yerevan',
  contactPhone: '+374 55 000 0100',
  contactTelegram: '@yerevan_help',
});
sqlite.prepare("insert into city_names (city_id, locale, name) values (?, 'ru', 'Ереван')").run(yerevan.id);
const listed = { listedPublicly: true, status: 'open' as const };
makeRoom(
  db,
  makeShelter(db, { ...listed, name: 'Fatih Hall', district: 'Fatih', address: 'Gizli Sokak 9', cityId: istanbul.id }).id,
  'mixed',
  3,
);
makeRoom(
  db,
  makeShelter(db, { ...listed, name: 'Kentron Flat', district: 'Kentron', address: 'Secret Street 1', cityId: yerevan.id }).id,
  'family',
  2,
);
makeRoom(db, makeShelter(db, { ...listed, name: 'Arabkir Hall', district: 'Arabkir', cityId: yerevan.id }).id, 'men', 4);

describe('the public list, city by city', () => {
  it('groups listed shelters by city, each with its own contact or else the network’s, the largest city first', () => {
    const list = publicList(db, 'en', NOW);
    expect(list.groups.map((g) => [g.name, g.shelters.map((s) => s.name), g.contact.phone])).toEqual([
      ['Yerevan', ['Arabkir Hall', 'Kentron Flat'], '+374 55 000 0100'],
      ['Istanbul', ['Fatih Hall'], '+90 555 000 0100'],
    ]);
    expect(list.unknownCity).toBe(false);
  });

  it('shows one city for ?city=, and every city with a note for a city it does not know', async () => {
    const one = await renderShelterList(publicList(db, 'ru', NOW, 'yerevan'), 'ru', NOW);
    expect(one).toContain('Kentron Flat');
    expect(one).not.toContain('Fatih Hall');
    expect(one).toContain('<h2 id="city-yerevan">Ереван</h2>');
    expect(one).toContain('href="/request?lang=ru&amp;city=yerevan"');
    expect(one).toContain('tel:+37455000010');
    expect(one).not.toContain('Secret Street');

    const unknown = await renderShelterList(publicList(db, 'ru', NOW, '<b>atlantis</b>'), 'ru', NOW);
    expect(unknown).toContain('Такого города здесь нет; показаны все города.');
    expect(unknown).not.toContain('atlantis');
    expect(unknown).toContain('Fatih Hall');
    expect(unknown).toContain('Kentron Flat');
    // Each city's "ask for a place" carries the city, and Istanbul (no contact of its own) shows the network's.
    expect(unknown).toContain('href="/request?lang=ru&amp;city=istanbul"');
    expect(unknown).toContain('tel:+905550000100');
  });

  it('stays within 14 KB gzipped in every language, with two cities, and carries no script', async () => {
    for (const locale of ARRIVAL_LOCALES) {
      const html = await renderShelterList(publicList(db, locale, NOW), locale, NOW);
      expect(html).not.toContain('<script');
      expect(gzipSync(html).length).toBeLessThanOrEqual(14 * 1024);
    }
  });

  it('the request form asks for the city, preselecting the one its link named', async () => {
    const cities = [
      { id: istanbul.id, name: 'Istanbul', now: '2026-10-01T17:00' },
      { id: yerevan.id, name: 'Yerevan', now: '2026-10-01T18:00' },
    ];
    const html = await renderRequestForm('en', {
      state: { status: 'idle' },
      stamp: 's',
      arrivedAtDefault: '2026-10-01T17:00',
      contact: null,
      cities,
      city: yerevan.id,
    });
    expect(html).toContain('<label for="cityId">City you are in now</label>');
    expect(html).toMatch(new RegExp(`<option value="${yerevan.id}" selected="">Yerevan</option>`));
    expect(html).toMatch(/<option value=""( selected="")?>Not decided<\/option>/);
    const refused = await renderRequestForm('uk', {
      state: { status: 'error', values: {}, fieldErrors: { cityId: 'chooseCity' } },
      stamp: 's',
      arrivedAtDefault: '2026-10-01T17:00',
      contact: null,
      cities,
    });
    expect(refused).toContain('Оберіть місто, де ви зараз.');
  });
});

describe('each city on its own clock, on the public pages', () => {
  // 20:30 UTC: 23:30 in Istanbul (UTC+3), already 00:30 the next day in Yerevan (UTC+4).
  const LATE = new Date('2026-10-01T20:30:00Z');

  it('the list says when its figures were read in each city’s own time', async () => {
    const html = await renderShelterList(publicList(db, 'en', LATE), 'en', LATE);
    expect(html).toContain('As of Oct 1, 23:30, Istanbul time.');
    expect(html).toContain('As of Oct 2, 00:30, Yerevan time.');
    expect(html).not.toContain('As of Oct 1, 23:30, Yerevan time.');
    const yerevanOnly = await renderShelterList(publicList(db, 'ru', LATE, 'yerevan'), 'ru', LATE);
    expect(yerevanOnly).toContain('(местное время, Ереван)');
    expect(yerevanOnly).toContain('00:30');
    expect(yerevanOnly).not.toContain('Стамбул');
  });

  it('the request form names the chosen city’s clock and prefills its time; with no city chosen it prefills nothing', async () => {
    const cities = [
      { id: istanbul.id, name: 'Istanbul', now: '2026-10-01T23:30' },
      { id: yerevan.id, name: 'Yerevan', now: '2026-10-02T00:30' },
    ];
    const base = { state: { status: 'idle' as const }, stamp: 's', arrivedAtDefault: '2026-10-01T23:30', contact: null, cities };
    const inYerevan = await renderRequestForm('en', { ...base, city: yerevan.id });
    expect(inYerevan).toContain('When you land or landed (Yerevan time)');
    expect(inYerevan).toMatch(/name="arrivedAt"[^>]*value="2026-10-02T00:30"/);
    expect(inYerevan).not.toContain('Istanbul time');
    const unchosen = await renderRequestForm('tr', base);
    expect(unchosen).toContain('yukarıda seçeceğiniz şehrin saati');
    expect(unchosen).toMatch(/name="arrivedAt"[^>]*value=""/);
  });

  it('the waiting page says when the request was sent in the household’s city time, in the reader’s language', async () => {
    const page = {
      kind: 'waiting' as const,
      requestedAt: LATE,
      clock: { timeZone: 'Asia/Yerevan', names: { en: 'Yerevan', ru: 'Ереван' } },
      contact: { phone: null, telegram: null, whatsapp: null },
      expected: { kind: 'days' as const },
    };
    const ru = await renderLinkPage(page, 'ru', LATE);
    expect(ru).toContain('Заявка отправлена 2 октября в 00:30 (местное время, Ереван).');
    // Without a Ukrainian name the city is named in English.
    expect(await renderLinkPage(page, 'uk', LATE)).toContain('(місцевий час, Yerevan)');
  });
});
