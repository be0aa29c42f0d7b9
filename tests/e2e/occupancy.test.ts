import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSignedIn } from './signed-in';
import { launchBrowser, newPage, PHONE } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The network's beds as the database has them now, counted independently of the app's queries. */
function bedsInDatabase() {
  const db = new Database(databasePath, { readonly: true });
  try {
    const now = Date.now();
    // Tonight is each shelter's own calendar day: Istanbul's is a day ahead of Warsaw's from 21:00
    // to 23:00 UTC, and the files before this one open shelters in both.
    const zones = db.prepare('select id, time_zone from shelters').all() as { id: string; time_zone: string }[];
    const tonights = JSON.stringify(
      Object.fromEntries(zones.map(({ id, time_zone }) => [id, new Intl.DateTimeFormat('en-CA', { timeZone: time_zone }).format(now)])),
    );
    const count = (sql: string) => db.prepare(sql).pluck().get({ now, tonights }) as number;
    // A bed is held now by a guest checked in, or by a reservation whose nights include tonight (a
    // booking for next week leaves it free tonight, and so does one whose last night was yesterday,
    // still on hold in the small hours).
    const tonight = '(select value from json_each(@tonights) where key = s.shelter_id)';
    const held = `select count(*) from stay_beds sb join stays s on s.id = sb.stay_id where sb.released_at is null
      and (s.status = 'checked_in' or (s.first_night <= ${tonight} and (s.departure is null or s.departure > ${tonight})))`;
    const total = count('select count(*) from beds');
    const outOfService = count('select count(*) from beds where out_of_service_reason is not null');
    const occupied = count(`${held} and s.status = 'checked_in'`);
    const reserved = count(`${held} and s.status = 'reserved' and s.hold_until > @now`);
    const shelters = count('select count(*) from shelters');
    // Free beds of one kind of shelter: a paused shelter's are shown apart from the open ones'. A room
    // or shelter closed tonight has none (the demo's paused home takes guests from a later night).
    const closedTonight = `exists (select 1 from shelter_closures c where c.shelter_id = sh.id and (c.room_id is null or c.room_id = r.id)
      and c.first_night <= (select value from json_each(@tonights) where key = sh.id)
      and c.last_night >= (select value from json_each(@tonights) where key = sh.id))`;
    const inStatus = (status: string) =>
      `b.room_id in (select r.id from rooms r join shelters sh on sh.id = r.shelter_id where sh.status = '${status}' and not ${closedTonight})`;
    const freeIn = (status: string) =>
      count(`select count(*) from beds b where b.out_of_service_reason is null and ${inStatus(status)}`) -
      count(
        `${held} and sb.bed_id in (select b.id from beds b where ${inStatus(status)}) and (s.status = 'checked_in' or s.hold_until > @now)`,
      );
    return {
      shelters,
      inService: total - outOfService,
      outOfService,
      occupied,
      reserved,
      free: freeIn('open'),
      freePaused: freeIn('paused'),
    };
  } finally {
    db.close();
  }
}

const figure = (page: Page, section: string, term: string) =>
  page
    .getByRole('region', { name: section })
    .locator('.figure', { has: page.getByText(term, { exact: true }) })
    .locator('dd');

async function signedIn(email: string, { viewport, at }: { viewport?: { width: number; height: number }; at?: string } = {}) {
  const { context, page } = await newPage(browser, baseURL, viewport);
  await openSignedIn(page, email, { at });
  return { context, page };
}

describe('occupancy for an admin', () => {
  it('shows network totals that match the database, then 30 days of history whose CSV agrees with its table', async () => {
    const { context, page } = await signedIn('admin@waystation.test');
    await page.getByRole('link', { name: 'Occupancy', exact: true }).click();
    await page.getByRole('heading', { name: 'Occupancy now' }).waitFor();
    const expected = bedsInDatabase();
    const beds = 'Beds across the network';
    expect(await figure(page, beds, 'Beds in service').textContent()).toBe(String(expected.inService));
    expect(await figure(page, beds, 'Occupied').textContent()).toBe(String(expected.occupied));
    expect(await figure(page, beds, 'Reserved').textContent()).toBe(String(expected.reserved));
    expect(await figure(page, beds, 'Free').textContent()).toBe(String(expected.free));
    // The demo's paused shelter (Şişli) has free beds: said apart, not in the total.
    expect(expected.freePaused).toBeGreaterThan(0);
    await page
      .getByText(
        `Free counts open shelters only: ${expected.freePaused} more ${expected.freePaused === 1 ? 'bed is' : 'beds are'} free in paused shelters.`,
      )
      .waitFor();
    expect(await figure(page, beds, 'Out of service').textContent()).toBe(String(expected.outOfService));
    // Other test files add shelters to the same server: count them from the database.
    // The forecast's tables have rows too: count those of the shelters table, named by its caption.
    expect(
      await page
        .getByRole('table', { name: /^Shelters and their beds now/ })
        .getByRole('row')
        .count(),
    ).toBe(1 + expected.shelters);

    await page.getByRole('link', { name: 'History and export' }).click();
    await page.getByRole('link', { name: 'Last 30 days' }).click();
    await page.waitForURL(/range=30/);
    const chart = page.getByRole('img', { name: /Occupancy rate per day/ });
    await chart.waitFor();
    const rateSection = page.getByRole('region', { name: 'Occupancy rate' });
    await rateSection.getByText('Show data').click();
    const table = rateSection.getByRole('table', { name: 'Beds per day' });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    expect(rows).toHaveLength(30);
    // Unmet demand: counts by kind over the same days, nothing about anyone.
    const turnedAway = page.getByRole('region', { name: 'Turned away' });
    expect(await turnedAway.locator('dt').allTextContents()).toEqual([
      'Waited past midnight without a bed',
      'No fitting shelter in the suggestions',
    ]);
    for (const counts of await turnedAway.locator('dd').allTextContents())
      expect(counts).toMatch(/^Men [\d,]+Women [\d,]+Families [\d,]+$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    // The browser is shared over a connection, so the file is saved here rather than read where it landed.
    const saved = join(mkdtempSync(join(tmpdir(), 'waystation-csv-')), 'occupancy.csv');
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
    expect(header).toBe(
      'date,shelter,city,district,beds_in_service,occupied,reserved,arrivals,check_ins,check_outs,' +
        'unmet_waited_men,unmet_waited_women,unmet_waited_families,no_fit_men,no_fit_women,no_fit_families,total',
    );
    // Per shelter per day, then totals: each city's and the network's, once a day.
    const totalOf = (line: string) => line.split(',')[16];
    expect(lines.filter((line) => totalOf(line) === '')).toHaveLength(expected.shelters * 30);
    expect(lines.filter((line) => totalOf(line) === 'network')).toHaveLength(30);
    expect(csv).not.toMatch(/@|Demo Sokak/);
    // Per shelter per day in the file adds up to the network's day in the table.
    const occupiedByDay = new Map<string, number>();
    for (const line of lines.filter((line) => totalOf(line) === '')) {
      const cells = line.split(',');
      occupiedByDay.set(cells[0], (occupiedByDay.get(cells[0]) ?? 0) + Number(cells[5]));
    }
    const days = [...occupiedByDay.keys()].sort();
    expect(days).toHaveLength(30);
    expect(days.map((day) => occupiedByDay.get(day))).toEqual(rows.map((row) => Number(row[2])));
    expect(rows.some((row) => Number(row[2]) > 0)).toBe(true);

    await page.goto('/audit?kind=exports');
    expect(await page.getByRole('listitem').filter({ hasText: 'downloaded the occupancy CSV' }).count()).toBe(1);
    await context.close();
  });

  it('refreshes the figures in place every 30 seconds and says when', async () => {
    const { context, page } = await signedIn('admin@waystation.test');
    await page.clock.install();
    await page.goto('/occupancy');
    const updated = page.getByText(/^Updated at/);
    const before = await updated.textContent();
    await page.evaluate(() => Object.assign(window, { untouched: true }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refresh = page.waitForRequest((request) => request.url().includes('/occupancy') && !!request.headers()['rsc']);
    await page.clock.runFor(30_000);
    await refresh;
    // Time flows again for the page to draw the answer, which a busy server may take a while to send.
    await page.clock.resume();
    await expect.poll(() => updated.textContent(), { timeout: 30_000 }).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    await context.close();
  });

  it('explains a bad date range and an unknown shelter instead of failing, on a 320 px phone', async () => {
    const { context, page } = await signedIn('admin@waystation.test', {
      viewport: PHONE,
      at: '/occupancy/history?from=2026-11-20&to=2026-11-01&shelter=nope',
    });
    const alert = page.getByRole('alert').filter({ hasText: 'start date' });
    expect(await alert.textContent()).toContain('The start date is after the end date.');
    expect(await alert.textContent()).toContain('That shelter is not one you can see.');
    await page.getByRole('img', { name: /Occupancy rate per day/ }).waitFor();
    await page.goto('/audit?page=999');
    expect(await page.getByRole('alert').filter({ hasText: 'pages' }).textContent()).toMatch(
      /There are only \d+ pages; showing the last one./,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('occupancy for hosts and guides', () => {
  it('keeps a host to the history of their own shelter', async () => {
    const { context, page } = await signedIn('host@waystation.test');
    expect((await page.goto('/occupancy'))?.status()).toBe(404);
    await page.goto('/occupancy/history?shelter=network');
    expect(await page.getByText(/^Fatih Free Shelter, /).count()).toBe(1);
    expect(await page.getByRole('option').allTextContents()).toEqual(['Fatih Free Shelter']);
    expect(await page.getByRole('link', { name: 'Download CSV' }).count()).toBe(0);
    expect((await page.goto('/occupancy/export?range=7'))?.status()).toBe(404);
    await context.close();
  });

  it('shows a guide the network now, but no history and no export', async () => {
    const { context, page } = await signedIn('guide@waystation.test', { at: '/occupancy' });
    await page.getByRole('heading', { name: 'Households waiting' }).waitFor();
    expect(await page.getByRole('link', { name: 'History and export' }).count()).toBe(0);
    expect((await page.goto('/occupancy/history'))?.status()).toBe(404);
    const response = await page.request.get('/occupancy/export?range=30');
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain('date,shelter');
    await context.close();
  });
});
