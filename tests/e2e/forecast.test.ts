import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tonightIn } from '@/lib/calendar/nights';
import { openSignedIn } from './signed-in';
import { axeViolations, launchBrowser, newPage, PHONE } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Shelters of the city with this slug, in SQL. */
const inCity = 'sh.city_id = (select id from cities where slug = @city)';

/**
 * Beds free for sure tonight in a city's shelters, counted bed by bed from the database: in service,
 * in an open shelter (a paused one takes nobody) and room, not booked tonight by a live stay, not held by a guest due to have left.
 */
function certainTonight(city: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    const now = Date.now();
    const shelters = db.prepare(`select id, time_zone from shelters sh where status = 'open' and ${inCity}`).all({ city }) as {
      id: string;
      time_zone: string;
    }[];
    const free = db.prepare(
      `select count(*) from beds b join rooms r on r.id = b.room_id
        where r.shelter_id = @shelter and b.out_of_service_reason is null
          and not exists (select 1 from shelter_closures c where c.shelter_id = @shelter and (c.room_id is null or c.room_id = r.id)
                          and c.first_night <= @tonight and c.last_night >= @tonight)
          and not exists (select 1 from bed_nights bn join stays s on s.id = bn.stay_id where bn.bed_id = b.id and bn.night = @tonight
                          and (s.status = 'checked_in' or (s.status = 'reserved' and s.hold_until > @now)))
          and not exists (select 1 from stay_beds sb join stays s on s.id = sb.stay_id where sb.bed_id = b.id and sb.released_at is null
                          and s.status = 'checked_in' and s.departure is not null and s.departure <= @tonight)`,
    );
    return shelters.reduce(
      (sum, s) => sum + (free.pluck().get({ shelter: s.id, tonight: tonightIn(s.time_zone, new Date(now)), now }) as number),
      0,
    );
  } finally {
    db.close();
  }
}

/** Closes, for tonight only, a city's room with beds in service (as a host closing it would); returns an undo. */
function closeARoomTonight(city: string): () => void {
  const db = new Database(databasePath);
  try {
    const room = db
      .prepare(
        `select r.id, r.shelter_id, sh.time_zone from rooms r join shelters sh on sh.id = r.shelter_id join beds b on b.room_id = r.id
          where sh.status = 'open' and ${inCity} and b.out_of_service_reason is null group by r.id order by count(*) desc limit 1`,
      )
      .get({ city }) as { id: string; shelter_id: string; time_zone: string };
    const night = tonightIn(room.time_zone, new Date());
    const id = `e2e-forecast-${Date.now()}`;
    db.prepare(
      'insert into shelter_closures (id, shelter_id, room_id, first_night, last_night, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, room.shelter_id, room.id, night, night, 'forecast test', Date.now());
    return () => {
      const undo = new Database(databasePath);
      undo.prepare('delete from shelter_closures where id = ?').run(id);
      undo.close();
    };
  } finally {
    db.close();
  }
}

async function signedIn(email: string, { viewport, at }: { viewport?: { width: number; height: number }; at?: string } = {}) {
  const { context, page } = await newPage(browser, baseURL, viewport);
  await openSignedIn(page, email, { at });
  return { context, page };
}

const forecastOf = (page: Page) => page.getByRole('region', { name: 'Free beds, next 7 nights' });
const tonightRow = (page: Page) =>
  forecastOf(page)
    .getByRole('table', { name: /night by night/ })
    .getByRole('row', { name: /^Tonight/ });

describe('the forecast of free beds', () => {
  it('shows a guide, above the queue, tonight’s beds free for sure in their city, and follows a room closed tonight', async () => {
    // The demo guide holds Istanbul: the forecast counts Istanbul's beds, not Yerevan's.
    const { context, page } = await signedIn('guide@waystation.test', { at: '/arrivals' });
    const certain = () => tonightRow(page).getByRole('cell').first().textContent();
    expect(await certain()).toBe(String(certainTonight('istanbul')));
    // Above the queue: the forecast's heading comes before the waiting list's.
    expect(
      await page.evaluate(
        () =>
          document.getElementById('forecast-title')!.compareDocumentPosition(document.getElementById('waiting-title')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ),
    ).toBeTruthy();
    const rows = forecastOf(page)
      .getByRole('table', { name: /night by night/ })
      .locator('tbody tr');
    expect(await rows.count()).toBe(7);

    // A room closed tonight takes its free beds out of tonight's certain ones, and the page follows.
    const before = Number(await certain());
    const reopen = closeARoomTonight('istanbul');
    try {
      await page.reload();
      const after = certainTonight('istanbul');
      expect(after).toBeLessThan(before);
      expect(await certain()).toBe(String(after));
    } finally {
      reopen();
    }
    await context.close();
  });

  it('shows a guide of Yerevan only Yerevan’s beds, and a city chosen on the queue only that city’s', async () => {
    const { context, page } = await signedIn('guide.yerevan@waystation.test', { at: '/arrivals' });
    const yerevan = certainTonight('yerevan');
    expect(yerevan).toBeGreaterThan(0);
    expect(await tonightRow(page).getByRole('cell').first().textContent()).toBe(String(yerevan));
    await context.close();
    // An admin of every city picks Yerevan on the queue.
    const admin = await signedIn('admin@waystation.test', { at: '/arrivals?city=yerevan' });
    expect(await tonightRow(admin.page).getByRole('cell').first().textContent()).toBe(String(yerevan));
    await admin.context.close();
  });

  it('fits a 320 px phone and passes axe, on the queue and on the nights ahead with the occupancy page’s shelters', async () => {
    const { context, page } = await signedIn('admin@waystation.test', { viewport: PHONE, at: '/arrivals' });
    await tonightRow(page).waitFor();
    await forecastOf(page).getByText('By kind of room', { exact: true }).click();
    await forecastOf(page)
      .getByRole('table', { name: /^By kind of room:/ })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // No column hidden in a sideways scroll: every table fits its box.
    const hidden = () =>
      page.evaluate(
        () => [...document.querySelectorAll('.forecast-section .table-scroll')].filter((box) => box.scrollWidth > box.clientWidth).length,
      );
    expect(await hidden()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The occupancy page refreshes its figures every 30 seconds and leaves the nights ahead to their
    // own page, which shows the same page of shelters as its table.
    await page.goto('/occupancy');
    expect(await forecastOf(page).count()).toBe(0);
    const shelters = await page
      .getByRole('table', { name: /Shelters and their beds now/ })
      .locator('tbody tr')
      .count();
    expect(shelters).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'The next 7 nights: free beds expected, shelter by shelter' }).click();
    await page.waitForURL(/\/occupancy\/ahead\?/);
    await page.getByRole('heading', { level: 1, name: 'The nights ahead' }).waitFor();
    const perShelter = forecastOf(page).getByRole('table', { name: /likely still free at midnight per shelter/ });
    expect(await perShelter.locator('tbody tr').count()).toBe(shelters);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await forecastOf(page).getByText('By kind of room', { exact: true }).click();
    expect(await hidden()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is not shown to a host', async () => {
    const { context, page } = await signedIn('host@waystation.test');
    expect(await page.getByText('Free beds, next 7 nights').count()).toBe(0);
    expect((await page.goto('/arrivals'))?.status()).toBe(404);
    expect((await page.goto('/occupancy/ahead'))?.status()).toBe(404);
    await context.close();
  });
});
