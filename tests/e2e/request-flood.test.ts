import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { MIN_FILL_MS } from '@/lib/requests/form-guard';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { seedDemo } from '@/scripts/demo-data/seed';
import { DEMO_PASSWORD, startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { firstCityOffered, launchBrowser, newPage } from './support';

// A flood of requests from many sources, each at its own limit, must not close the public form for
// the next person, and an admin must see it. A server of its own: its own database to fill, and
// TRUST_PROXY set, so that X-Forwarded-For decides each request's address.
const SOURCES = 30;
const PER_ADDRESS = RATE_LIMITS['request.address'].refuse;
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-flood-'));
  const path = join(dir, 'flood.db');
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  await seedDemo(db, { password: DEMO_PASSWORD, now: new Date() });
  sqlite.close();
  server = await startServer(path, { env: { TRUST_PROXY: '1' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One form as a person gets it: its stamp, which is good for one request. */
async function handOut(address: string): Promise<{ stamp: string; city: Record<string, string> }> {
  const html = await (await fetch(`${server.baseURL}/request?lang=en`, { headers: { 'x-forwarded-for': address } })).text();
  return { stamp: /name="stamp" value="([^"]+)"/.exec(html)![1], city: firstCityOffered(html) };
}

async function send(address: string, { stamp, city }: { stamp: string; city: Record<string, string> }): Promise<number> {
  const body = new URLSearchParams({
    alias: 'Flood',
    adultMen: '1',
    adultWomen: '0',
    children: '0',
    contact: '@flood',
    lang: 'en',
    stamp,
    ...city,
  });
  const response = await fetch(`${server.baseURL}/request`, {
    method: 'POST',
    body,
    headers: { 'x-forwarded-for': address, origin: server.baseURL },
    redirect: 'manual',
  });
  return response.status;
}

describe('a flood of requests', () => {
  it(`from ${SOURCES} addresses on ${SOURCES} networks, each at its limit, leaves the form open to the next person, and an admin sees it`, async () => {
    const sources = Array.from({ length: SOURCES }, (_, n) => `198.18.${n + 1}.7`);
    const forms = await Promise.all(
      sources.map(async (address) => ({
        address,
        stamps: await Promise.all(Array.from({ length: PER_ADDRESS + 1 }, () => handOut(address))),
      })),
    );
    const newcomer = '198.19.200.7';
    const newcomerStamp = await handOut(newcomer);
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS + 300));

    const statuses = new Map<string, number[]>();
    for (const { address, stamps } of forms) {
      const seen: number[] = [];
      for (const stamp of stamps) seen.push(await send(address, stamp));
      statuses.set(address, seen);
    }
    // Each source: its three requests taken, the fourth refused as too many from it.
    const expected = [...Array(PER_ADDRESS).fill(303), 429];
    expect([...statuses.values()].filter((seen) => seen.join() !== expected.join())).toEqual([]);
    expect(await send(newcomer, newcomerStamp)).toBe(303);

    const { context, page } = await newPage(browser, server.baseURL);
    await openSignedIn(page, 'admin@waystation.test', { server, at: '/arrivals' });
    const notice = page.getByRole('status').filter({ hasText: 'The public request form is being flooded.' });
    const total = SOURCES * PER_ADDRESS + 1;
    expect(await notice.innerText()).toContain(
      `${total} requests in the last hour from ${SOURCES + 1} source networks, past your ceiling of 60 an hour.`,
    );
    await context.close();
  }, 120_000);
});
