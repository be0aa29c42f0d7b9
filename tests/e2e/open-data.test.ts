import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import type { HsdsFeed } from '@/lib/exports/hsds';
import { apiRootValidator, servicesPageValidator, serviceValidator } from '../support/hsds-schema';
import { launchBrowser } from './support';

// The demo network's open feed, as a consumer of open data fetches it: valid HSDS 3.1, the shelters
// the public list shows, nothing it keeps back, and readable by a script on another site.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
const CLIENT = { 'x-forwarded-for': '192.0.2.117' };

type Shelter = { name: string; address: string; phone: string | null; telegram: string | null; listed: number; status: string };
let shelters: Shelter[];
let browser: Browser;
beforeAll(async () => {
  const { sqlite } = openDatabase(databasePath);
  shelters = sqlite
    .prepare('select name, address, phone, telegram, listed_publicly as listed, status from shelters order by name')
    .all() as Shelter[];
  sqlite.close();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the open HSDS feed of the demo network', () => {
  it('validates against the HSDS 3.1 schemas and lists what /shelters lists, without addresses or contacts', async () => {
    const response = await fetch(`${baseURL}/open/hsds.json`, { headers: CLIENT });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    const feed = JSON.parse(text) as HsdsFeed;
    expect(servicesPageValidator()(feed)).toEqual([]);

    const listed = shelters.filter((s) => s.listed === 1 && s.status === 'open').map((s) => s.name);
    expect(listed.length).toBeGreaterThan(1);
    expect(feed.contents.map((service) => service.name)).toEqual(listed);
    const page = await (await fetch(`${baseURL}/shelters`, { headers: { ...CLIENT, 'accept-language': 'en' } })).text();
    for (const name of listed) expect(page).toContain(name);
    for (const hidden of shelters.filter((s) => !listed.includes(s.name))) expect(text).not.toContain(hidden.name);

    const secrets = shelters.flatMap((s) => [s.address, s.phone, s.telegram]).filter((value): value is string => Boolean(value));
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    expect(text).not.toMatch(/"(latitude|longitude|addresses)"/);
    // The phones are the cities' public contacts, as /shelters shows them, never a shelter's own.
    const phones = feed.contents.flatMap((service) => service.phones.map((phone) => phone.number));
    expect(phones.length).toBeGreaterThan(0);
    for (const number of new Set(phones)) expect(page).toContain(number);
  });

  it('is readable by a script on another site (CORS), and says the same on a second fetch', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // about:blank has an origin of its own, not the server's: the browser enforces CORS on it.
    const read = () => page.evaluate(async (url) => (await fetch(url)).text(), `${baseURL}/open/hsds.json`);
    const first = JSON.parse(await read()) as HsdsFeed;
    const second = JSON.parse(await read()) as HsdsFeed;
    expect(first.contents.length).toBeGreaterThan(1);
    expect(second.contents.map((service) => service.id)).toEqual(first.contents.map((service) => service.id));
    await context.close();
  });
});

describe('the Open Referral API of the demo network', () => {
  it('answers a client that walks it: the root, every page of services, and each service by id, all valid HSDS 3.1', async () => {
    const json = async (path: string) => {
      const response = await fetch(`${baseURL}${path}`, { headers: CLIENT });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      return response.json() as Promise<Record<string, unknown>>;
    };
    const root = await json('/open');
    expect(apiRootValidator()(root)).toEqual([]);
    expect(root.version).toBe('3.1');

    const pages: HsdsFeed[] = [];
    for (let number = 1; pages.length === 0 || !pages[pages.length - 1].last_page; number += 1) {
      const page = (await json(`/open/services?per_page=2&page=${number}`)) as unknown as HsdsFeed;
      expect(servicesPageValidator()(page)).toEqual([]);
      pages.push(page);
    }
    const walked = pages.flatMap((page) => page.contents);
    const file = (await json('/open/hsds.json')) as unknown as HsdsFeed;
    expect(walked.map((service) => service.id)).toEqual(file.contents.map((service) => service.id));
    expect(pages[0].total_pages).toBe(Math.ceil(file.total_items / 2));

    for (const service of walked) {
      const one = await json(`/open/services/${service.id}`);
      expect(serviceValidator()(one)).toEqual([]);
      expect(one.name).toBe(service.name);
      expect(one.url).toMatch(/\/request\?city=[a-z-]+$/);
    }
    expect((await fetch(`${baseURL}/open/services?page=abc`, { headers: CLIENT })).status).toBe(400);
  });
});
