import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, write, type Db } from '@/db';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { checkOut } from '@/lib/placement/stays';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, shotsDir, SignInPage } from './support';

// A bed with two guests, as a database from before migration 0012 (or a booking made before the
// guest overstayed) leaves it: Nikolai, due out yesterday, still checked in; Vitaly booked into the
// same bed tonight. The host sees it and checks Nikolai out; the admin sees the count on /occupancy.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
let browser: Browser;
const SHOTS = shotsDir('two-in-one-bed');

/** A paused shelter of its own (no other test's guide is offered it), its host, and the conflict. */
function anchorHouse(db: Db, name: string, hostEmail: string, passwordHash: string) {
  const shelter = makeShelter(db, { name, district: 'Fatih', status: 'paused', timeZone: 'Europe/Istanbul', checkOutBy: '11:00' });
  const { beds } = makeRoom(db, shelter.id, 'mixed', 3);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id], email: hostEmail, passwordHash }), [shelter.id]);
  const tonight = tonightIn(shelter.timeZone, new Date());
  const holdUntil = new Date(Date.now() + 24 * 3600_000);
  makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [beds[0].id],
    status: 'reserved',
    firstNight: tonight,
    departure: addNights(tonight, 2),
    alias: 'Vitaly',
    holdUntil,
  });
  const nikolai = makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [beds[0].id],
    status: 'reserved',
    firstNight: addNights(tonight, -3),
    departure: addNights(tonight, -1),
    alias: 'Nikolai',
    holdUntil,
  });
  db.$client
    .prepare("update stays set status = 'checked_in', checked_in_at = ? where id = ?")
    .run(Date.now() - 3 * 24 * 3600_000, nikolai.id);
  return { shelter, host, nikolaiId: nikolai.id };
}

let hostShelter: { id: string };
let lantern: ReturnType<typeof anchorHouse>;
beforeAll(async () => {
  browser = await launchBrowser();
  const { db, sqlite } = openDatabase(databasePath);
  const hash = (sqlite.prepare("select password_hash as hash from users where email = 'host@waystation.test'").get() as { hash: string })
    .hash;
  hostShelter = anchorHouse(db, 'Anchor House', 'anchor-host@waystation.test', hash).shelter;
  lantern = anchorHouse(db, 'Lantern House', 'lantern-host@waystation.test', hash);
  sqlite.close();
});
// The demo database is shared by every e2e file: leave no bed with two guests behind for their counts.
afterAll(async () => {
  const { db, sqlite } = openDatabase(databasePath);
  write(db, (tx) => checkOut(tx, lantern.host, lantern.nikolaiId, new Date()));
  sqlite.close();
  await browser?.close();
});

const setLocale = (email: string, locale: string) => {
  const { sqlite } = openDatabase(databasePath);
  sqlite.prepare('update users set locale = ? where email = ?').run(locale, email);
  sqlite.close();
};

describe('a bed with two guests', () => {
  it('is shown to the host on a 320 px phone, the second guest cannot be checked in, and checking the first out resolves it', async () => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await new SignInPage(page).signInAndWait('anchor-host@waystation.test');
    await page.goto(`/shelters/${hostShelter.id}`);
    const alert = page.getByRole('alert').filter({ hasText: '1 bed has two guests' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Nikolai is still here past their departure .*, and Vitaly is booked into it from/);
    expect(await alert.getByText('A guide or an admin moves a guest to another bed').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);

    const expected = page.getByRole('region', { name: 'Expected (1)' });
    await expected.getByRole('listitem', { name: 'Vitaly' }).getByRole('button', { name: 'Check in' }).click();
    await expected.getByText('Someone is still checked in to this bed, past their departure.', { exact: false }).waitFor();

    const overdue = page.getByRole('region', { name: 'Past their departure (1)' });
    await overdue.getByRole('listitem', { name: 'Nikolai' }).getByRole('button', { name: 'Check out' }).click();
    await overdue.getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('region', { name: 'Past their departure (0)' }).waitFor();
    expect(await page.getByText('1 bed has two guests').count()).toBe(0);
    await page.getByRole('region', { name: 'Expected (1)' }).getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('region', { name: 'Expected (0)' }).waitFor();
    await context.close();
  });

  it('is counted on the admin’s occupancy page with a link to the shelter', async () => {
    const context = await browser.newContext({ baseURL, viewport: DESKTOP, locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    await new SignInPage(page).signInAndWait('admin@waystation.test');
    await page.goto('/occupancy');
    const line = page.getByRole('alert').filter({ hasText: /two guests/ });
    await line.waitFor();
    expect(await line.getByRole('link', { name: 'Lantern House: 1 bed' }).isVisible()).toBe(true);
    await screenshot(page, SHOTS, 'occupancy-en-desktop.png', { fullPage: true });
    await context.close();
  });

  it('fits Russian and Turkish at 320 and 360 px and on a desktop, with no sideways scroll (screenshots for people to look at)', async () => {
    for (const locale of ['ru', 'tr']) {
      setLocale('lantern-host@waystation.test', locale);
      for (const [name, viewport] of Object.entries({ '320': PHONE, '360': { width: 360, height: 780 }, desktop: DESKTOP })) {
        const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB', bypassCSP: true });
        const page = await context.newPage();
        await new SignInPage(page).signInAndWait('lantern-host@waystation.test');
        // The staff pages speak the language the user chose (a cookie set at sign-in).
        await page.getByRole('link', { name: 'Lantern House' }).click();
        await page.locator('#two-in-one-bed').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await screenshot(page, SHOTS, `host-${locale}-${name}.png`, { fullPage: true });
        await context.close();
      }
    }
  });
});
