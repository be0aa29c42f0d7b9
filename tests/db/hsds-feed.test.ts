import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { hsdsFeed, networkName, type HsdsFeed } from '@/lib/exports/hsds';
import { feedShelters } from '@/lib/exports/read';
import { reserveBeds } from '@/lib/placement/reserve';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { servicesPageValidator } from '../support/hsds-schema';
import { createTestDb } from '../support/test-db';

// The open feed (/open/hsds.json): valid HSDS 3.1 by the published schemas, the shelters /shelters
// lists and nothing /shelters keeps back.
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T14:00:00Z');
const CONFIRMED = new Date('2026-10-01T11:30:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const validate = servicesPageValidator();

// Two cities; in each a listed open shelter, and shelters the public list leaves out.
const istanbul = makeCity(db, 'Istanbul');
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const PRIVATE = {
  address: 'Gizli Sokak 9',
  latitude: 41.0123,
  longitude: 28.9456,
  phone: '+90 555 765 43 21',
  telegram: '@hidden_host',
  whatsapp: '+90 555 000 11 22',
};
const fatih = makeShelter(db, {
  name: 'Fatih Hall',
  district: 'Fatih',
  cityId: istanbul.id,
  ...PRIVATE,
  listedPublicly: true,
  status: 'open',
  languages: ['ru', 'tr'],
  acceptsPets: true,
  lastConfirmedAt: CONFIRMED,
});
const kentron = makeShelter(db, {
  name: 'Kentron Flat',
  district: 'Kentron',
  cityId: yerevan.id,
  address: 'Abovyan 1',
  latitude: 40.18,
  longitude: 44.51,
  listedPublicly: true,
  status: 'open',
  languages: ['hy', 'ru'],
});
const unlisted = makeShelter(db, { name: 'Unlisted Church', cityId: istanbul.id, listedPublicly: false, status: 'open' });
const paused = makeShelter(db, { name: 'Paused Listed', cityId: yerevan.id, listedPublicly: true, status: 'paused' });
const women = makeRoom(db, fatih.id, 'women', 3);
makeRoom(db, fatih.id, 'family', 2);
makeRoom(db, kentron.id, 'mixed', 2);
makeRoom(db, unlisted.id, 'mixed', 4);
makeRoom(db, paused.id, 'mixed', 4);
const household = makeArrival(db, {
  alias: 'Marina Private',
  contact: '@marina_private',
  needNote: 'Needs insulin in the fridge',
  adultWomen: 1,
});
write(db, (tx) => reserveBeds(tx, asStaff(makeUser(db, 'guide')), { arrivalId: household.id, bedIds: [women.beds[0].id] }, NOW));

let feed: HsdsFeed;
beforeAll(() => {
  feed = hsdsFeed(feedShelters(db, new Date(NOW.getTime() + 60_000)), 'Test network');
});
const serviceNamed = (name: string) => feed.contents.find((service) => service.name === name)!;

describe('the HSDS feed of the public list', () => {
  it('validates against the published HSDS 3.1 schemas', () => {
    expect(validate(feed)).toEqual([]);
    expect(feed).toMatchObject({ total_items: 2, size: 2, total_pages: 1, first_page: true, last_page: true, empty: false });
  });

  it('fails the same schemas when a required field is missing or a type is wrong', () => {
    const broken = structuredClone(feed) as unknown as { contents: Record<string, unknown>[] };
    delete broken.contents[0].status;
    (broken.contents[1].capacities as unknown[]) = [{ id: 'not-a-uuid', available: 'many' }];
    const messages = validate(broken).map((error) => `${error.instancePath} ${error.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(["/contents/0 must have required property 'status'", '/contents/1/capacities/0/id must match format "uuid"']),
    );
  });

  it('lists the listed open shelters of every city, and no other', () => {
    expect(feed.contents.map((service) => service.name)).toEqual(['Fatih Hall', 'Kentron Flat']);
    expect(serviceNamed('Kentron Flat').service_at_locations[0].location.description).toBe(
      'Kentron, Yerevan. The address is given only to people with a reservation.',
    );
    expect(serviceNamed('Fatih Hall').service_at_locations[0].location.description).toMatch(/^Fatih, Istanbul\./);
  });

  it('says what /shelters says: free beds tonight with when they were confirmed, rooms, languages as ISO codes, policies', () => {
    const fatihService = serviceNamed('Fatih Hall');
    expect(fatihService.capacities).toEqual([
      expect.objectContaining({ available: 4, updated: CONFIRMED.toISOString(), unit: expect.objectContaining({ name: 'Bed' }) }),
    ]);
    expect(fatihService.languages.map(({ code, name }) => [code, name])).toEqual([
      ['ru', 'Russian'],
      ['tr', 'Turkish'],
    ]);
    expect(fatihService.description).toBe(
      "Free beds for people in transit, run by volunteers. Rooms: Women's dorm, Family room. Languages spoken: Russian, Turkish. Families with children: yes. Pets: yes. Wheelchair access: no.",
    );
    expect(fatihService).toMatchObject({ status: 'active', organization: { name: 'Test network' } });
    // No host has confirmed Kentron's beds: HSDS needs the time of a capacity, so there is none.
    expect(serviceNamed('Kentron Flat').capacities).toEqual([]);
    expect(serviceNamed('Kentron Flat').description).toContain('Availability not confirmed yet.');
  });

  it('carries no address, coordinates, shelter contact, household detail or internal id', () => {
    const json = JSON.stringify(feed);
    for (const secret of [
      ...Object.values(PRIVATE).map(String),
      'Abovyan',
      '40.18',
      '44.51',
      'Marina',
      'marina_private',
      'insulin',
      fatih.id,
      kentron.id,
      household.id,
      yerevan.id,
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(json).not.toMatch(/"(latitude|longitude|addresses|contacts|email)"/);
    // The only phones are the city's public contact, as /shelters shows it (tests/db/open-api.test.ts).
    expect(feed.contents.flatMap((service) => service.phones)).toEqual([]);
  });

  it('gives each object a UUID that stays the same from one fetch to the next', () => {
    const again = hsdsFeed(feedShelters(db, new Date(NOW.getTime() + 3 * 3600_000)), 'Test network');
    const ids = (page: HsdsFeed) => JSON.stringify(page).match(/"(id|[a-z_]+_id)":"[^"]+"/g)!;
    expect(ids(again)).toEqual(ids(feed));
    const own = ids(feed).map((pair) => pair.split('":"')[1].slice(0, -1));
    expect(own.every((id) => UUID.test(id))).toBe(true);
    const services = feed.contents.map((service) => service.id);
    expect(new Set(services).size).toBe(2);
  });

  it('names the network from WAYSTATION_NETWORK_NAME, else "Waystation network"', () => {
    expect(networkName({})).toBe('Waystation network');
    expect(networkName({ WAYSTATION_NETWORK_NAME: '  Kovcheg  ' })).toBe('Kovcheg');
  });
});

describe('GET /open/hsds.json', () => {
  it('answers anyone with the feed as JSON, readable from any site, never cached', async () => {
    const { GET } = await import('@/app/open/hsds.json/route');
    const response = await GET(new Request('http://localhost:3000/open/hsds.json'));
    expect(response.status).toBe(200);
    expect(
      Object.fromEntries(
        ['content-type', 'access-control-allow-origin', 'cache-control'].map((name) => [name, response.headers.get(name)]),
      ),
    ).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    const body = (await response.json()) as HsdsFeed;
    expect(validate(body)).toEqual([]);
    expect(body.contents.map((service) => [service.name, service.organization.name])).toEqual([
      ['Fatih Hall', 'Waystation network'],
      ['Kentron Flat', 'Waystation network'],
    ]);
  });
});
