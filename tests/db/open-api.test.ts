import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { shelters } from '@/db/schema';
import type { HsdsFeed, HsdsService } from '@/lib/exports/hsds';
import { TAXONOMY, termOf } from '@/lib/exports/taxonomy';
import { uuidV5 } from '@/lib/exports/uuid';
import { makeCity, makeRoom, makeShelter } from '../support/fixtures';
import { apiRootValidator, servicesPageValidator, serviceValidator } from '../support/hsds-schema';
import { commitsSeen, createTestDb } from '../support/test-db';

// The Open Referral API over the public list: /open (root), /open/services (paged, filtered),
// /open/services/{id}. Every answer is checked against the published HSDS 3.1 schemas.
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterAll(test.cleanup);

const validPage = servicesPageValidator();
const validService = serviceValidator();
const validRoot = apiRootValidator();
const ORIGIN = 'https://waystation.example.org';
process.env.AUTH_URL = ORIGIN;
afterAll(() => {
  delete process.env.AUTH_URL;
});

const istanbul = makeCity(db, 'Istanbul', {
  slug: 'istanbul',
  contactPhone: '+90 555 000 0100',
  contactTelegram: '@ist_help',
  contactWhatsapp: '+90 555 000 0101',
});
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan', contactPhone: '+374 10 000 000' });
const CONFIRMED = new Date('2026-12-01T09:00:00Z');
const fatih = makeShelter(db, {
  name: 'Fatih Hall',
  district: 'Fatih',
  cityId: istanbul.id,
  listedPublicly: true,
  acceptsPets: true,
  acceptsFamilies: true,
  phone: '+90 555 999 9999',
  checkInFrom: '15:00',
  checkInUntil: '22:30',
  lastConfirmedAt: CONFIRMED,
});
const kadikoy = makeShelter(db, {
  name: 'Kadıköy Hall',
  district: 'Kadıköy',
  cityId: istanbul.id,
  listedPublicly: true,
  acceptsFamilies: false,
  lastConfirmedAt: CONFIRMED,
});
const kentron = makeShelter(db, {
  name: 'Kentron Flat',
  district: 'Kentron',
  cityId: yerevan.id,
  listedPublicly: true,
  acceptsFamilies: false,
  timeZone: 'Asia/Yerevan',
  lastConfirmedAt: CONFIRMED,
});
const unlisted = makeShelter(db, { name: 'Unlisted Flat', cityId: istanbul.id, listedPublicly: false });
const paused = makeShelter(db, { name: 'Paused Hall', cityId: yerevan.id, listedPublicly: true, status: 'paused' });
makeRoom(db, fatih.id, 'women', 3);
makeRoom(db, fatih.id, 'family', 2);
makeRoom(db, kadikoy.id, 'men', 4);
makeRoom(db, kentron.id, 'mixed', 2);
makeRoom(db, unlisted.id, 'mixed', 2);
makeRoom(db, paused.id, 'mixed', 2);

async function get(path: string, params?: Record<string, string>) {
  const url = `http://localhost:3000${path}`;
  const route = params
    ? await import('@/app/open/services/[id]/route')
    : path.startsWith('/open/services')
      ? await import('@/app/open/services/route')
      : await import('@/app/open/route');
  const response = await route.GET(new Request(url), { params: Promise.resolve(params ?? {}) } as never);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
const page = async (query = '') => (await get(`/open/services${query}`)).body as unknown as HsdsFeed;
const names = (feed: HsdsFeed) => feed.contents.map((service) => service.name);
const serviceId = (shelterId: string) => uuidV5(`service:${shelterId}`);

describe('GET /open', () => {
  it('says which HSDS version it serves and where the services are, as the API definition asks', async () => {
    const { status, body, headers } = await get('/open');
    expect(status).toBe(200);
    expect(validRoot(body)).toEqual([]);
    expect(body).toMatchObject({ version: '3.1', services_url: `${ORIGIN}/open/services` });
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('GET /open/services', () => {
  it('lists the listed open shelters of every city a page at a time, each page valid HSDS', async () => {
    const first = await page('?per_page=2');
    expect(validPage(first)).toEqual([]);
    expect(first).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    expect(names(first)).toEqual(['Fatih Hall', 'Kadıköy Hall']);
    const second = await page('?per_page=2&page=2');
    expect(validPage(second)).toEqual([]);
    expect(second).toMatchObject({ total_items: 3, page_number: 2, size: 1, first_page: false, last_page: true });
    expect(names(second)).toEqual(['Kentron Flat']);
    const past = await page('?per_page=2&page=3');
    expect(past).toMatchObject({ total_items: 3, size: 0, empty: true, contents: [] });
    expect(names(await page())).toEqual(['Fatih Hall', 'Kadıköy Hall', 'Kentron Flat']);
  });

  it('gives each shelter the city’s public contact, check-in hours, its city as a service area, the link to ask for a place and its free beds', async () => {
    const fatihService = (await page()).contents.find((service) => service.name === 'Fatih Hall')!;
    expect(fatihService.url).toBe(`${ORIGIN}/request?city=istanbul`);
    expect(fatihService.application_process).toContain(`Ask for a place at ${ORIGIN}/request?city=istanbul`);
    expect(fatihService.phones.map((phone) => [phone.number, phone.type])).toEqual([
      ['+90 555 000 0100', 'voice'],
      ['+90 555 000 0101', 'text'],
    ]);
    expect(fatihService.additional_urls.map((url) => url.url)).toEqual(['https://t.me/ist_help', 'https://wa.me/905550000101']);
    expect(fatihService.schedules).toEqual([
      expect.objectContaining({
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR,SA,SU',
        opens_at: '15:00',
        closes_at: '22:30',
        description: expect.stringContaining('Europe/Istanbul'),
      }),
    ]);
    expect(fatihService.service_areas).toEqual([expect.objectContaining({ name: 'Istanbul', extent_type: 'city' })]);
    expect(fatihService.capacities).toEqual([expect.objectContaining({ available: 5, updated: CONFIRMED.toISOString() })]);
    const kentronService = (await page()).contents.find((service) => service.name === 'Kentron Flat')!;
    expect(kentronService.service_areas[0].name).toBe('Yerevan');
    expect(kentronService.schedules[0].description).toContain('Asia/Yerevan');
    expect(kentronService.phones.map((phone) => phone.number)).toEqual(['+374 10 000 000']);
    // The shelter's own phone is private: only its city's volunteers are named.
    expect(JSON.stringify(await page())).not.toContain('+90 555 999 9999');
  });

  it('filters by a taxonomy term, by the taxonomy and by the organization', async () => {
    expect(names(await page(`?taxonomy_term_id=${termOf('pets').id}`))).toEqual(['Fatih Hall']);
    expect(names(await page(`?taxonomy_term_id=${termOf('room-men').id}`))).toEqual(['Kadıköy Hall']);
    expect(names(await page(`?taxonomy_id=${TAXONOMY.id}`))).toEqual(['Fatih Hall', 'Kadıköy Hall', 'Kentron Flat']);
    expect(names(await page(`?taxonomy_id=${uuidV5('taxonomy:another')}`))).toEqual([]);
    const organization = (await page()).contents[0].organization_id;
    expect(names(await page(`?organization_id=${organization}`))).toHaveLength(3);
    expect((await page(`?organization_id=${uuidV5('organization:elsewhere')}`)).total_items).toBe(0);
  });

  it('filters by modified_after: a shelter whose rooms changed comes back, the others do not', async () => {
    const updatedAt = (id: string) => db.select({ at: shelters.updatedAt }).from(shelters).where(eq(shelters.id, id)).get()!.at!;
    const latest = Math.max(...[fatih, kadikoy, kentron].map((shelter) => updatedAt(shelter.id).getTime()));
    const after = new Date(latest + 1).toISOString();
    expect(names(await page(`?modified_after=${after}`))).toEqual([]);
    // The host adds a room: its shelter's last_modified moves to now, by the database's own trigger.
    makeRoom(db, kentron.id, 'family', 2);
    const changed = await page(`?modified_after=${after}`);
    expect(names(changed)).toEqual(['Kentron Flat']);
    expect(Date.parse(changed.contents[0].last_modified)).toBeGreaterThan(latest);
    expect(validPage(changed)).toEqual([]);
  });

  it.each([
    ['?page=0', 'page must be from 1'],
    ['?page=two', 'page must be a whole number'],
    ['?per_page=1000', 'per_page must be from 1 to 200'],
    ['?modified_after=yesterday', 'modified_after must be an ISO 8601 date-time'],
    ['?modified_after=2026-13-45T00:00:00Z', 'modified_after must be an ISO 8601 date-time'],
    ['?taxonomy_term_id=pets', 'taxonomy_term_id must be a UUID'],
    ['?page=1&page=2', 'page may be given once'],
  ])('answers %s with 400 and what to fix, writing nothing', async (query, message) => {
    const before = commitsSeen(sqlite);
    const { status, body } = await get(`/open/services${query}`);
    expect(status).toBe(400);
    expect(body.error).toContain(message);
    expect(commitsSeen(sqlite)).toBe(before);
  });
});

describe('GET /open/services/{id}', () => {
  it('answers one listed shelter, fully nested and valid HSDS', async () => {
    const { status, body } = await get(`/open/services/${serviceId(fatih.id)}`, { id: serviceId(fatih.id) });
    expect(status).toBe(200);
    expect(validService(body)).toEqual([]);
    expect((body as unknown as HsdsService).name).toBe('Fatih Hall');
  });

  it('answers 404 alike for a shelter not listed, a paused one and an id that names nothing', async () => {
    for (const id of [serviceId(unlisted.id), serviceId(paused.id), uuidV5('service:nothing'), 'not-an-id']) {
      const { status, body } = await get(`/open/services/${id}`, { id });
      expect(status).toBe(404);
      expect(JSON.stringify(body)).not.toMatch(/Unlisted|Paused/);
    }
  });
});
