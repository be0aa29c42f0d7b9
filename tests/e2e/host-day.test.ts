import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { addNights } from '@/lib/calendar/nights';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { buildHarbourHouse } from '../support/host-day';
import { openSignedIn } from './signed-in';
import { axeViolations, launchBrowser, PHONE, screenshot, shotsDir } from './support';

// A host's day on a 320 px phone: who arrives tonight and leaves tomorrow, one more night for a guest,
// and a room closed for two nights, seen closed on the calendar; no axe-core violations on either page.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
const SHOTS = shotsDir('host-day');
let browser: Browser;
let world: ReturnType<typeof buildHarbourHouse>;

beforeAll(async () => {
  browser = await launchBrowser();
  const { db, sqlite } = openDatabase(databasePath);
  const hash = (sqlite.prepare("select password_hash as hash from users where email = 'host@waystation.test'").get() as { hash: string })
    .hash;
  world = buildHarbourHouse(db, new Date(), hash);
  sqlite.close();
});
afterAll(() => browser?.close());

const departureOf = (alias: string) => {
  const { sqlite } = openDatabase(databasePath);
  try {
    return (
      sqlite.prepare('select s.departure from stays s join arrivals a on a.id = s.arrival_id where a.alias = ?').get(alias) as {
        departure: string;
      }
    ).departure;
  } finally {
    sqlite.close();
  }
};

/** A night as the host's day writes it in English ("Tue, Dec 8"), and as a refusal dates it ("Dec 8"). */
const dayLabel = (night: string) =>
  new Intl.DateTimeFormat('en', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${night}T12:00:00Z`),
  );
const shortDay = (night: string) =>
  new Intl.DateTimeFormat('en', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${night}T12:00:00Z`));

/** With WAYSTATION_SHOTS set: the page in Russian and Turkish (after `again`, for what a reload loses), then back in English. */
async function screenshotsIn(page: Page, name: string, again?: () => Promise<void>) {
  if (!SHOTS) return;
  for (const locale of ['ru', 'tr', 'en']) {
    await page.context().addCookies([{ url: baseURL, name: LOCALE_COOKIE, value: locale }]);
    await page.reload();
    await page.locator('h1').waitFor();
    if (locale === 'en') break;
    await again?.();
    await screenshot(page, SHOTS, `${name}-${locale}-320.png`, { fullPage: true });
  }
}

describe("the host's day on a 320 px phone", () => {
  it('shows who arrives today and leaves tomorrow, adds one more night, and closes a room for two nights on the calendar', async () => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await openSignedIn(page, 'harbour-host@waystation.test');
    await page.getByRole('link', { name: 'Harbour House' }).click();

    // Daria tonight, the Petrov family in two nights: one Expected list.
    const arriving = page.getByRole('region', { name: 'Expected (2)' });
    await arriving.waitFor();
    expect(await arriving.getByRole('listitem', { name: 'Daria' }).getByText('Arrives by the late ferry').isVisible()).toBe(true);
    expect(await arriving.getByRole('button', { name: 'Check in' }).isVisible()).toBe(true);
    const leavingTomorrow = page.getByRole('region', { name: 'Leaving tomorrow (1)' });
    expect(await leavingTomorrow.getByRole('listitem', { name: 'Emre' }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('region', { name: 'Leaving today (0)' })
        .getByText(/Nobody leaves today/)
        .isVisible(),
    ).toBe(true);
    expect(await page.getByRole('region', { name: 'Past their departure (1)' }).getByRole('listitem', { name: 'Galina' }).isVisible()).toBe(
      true,
    );
    // A host greets guests by name, never with their contact.
    expect(await page.content()).not.toContain('+90 555 010');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);

    // One more night for Emre: for a minute he stays where the host tapped, with his new date and an undo.
    const emre = leavingTomorrow.getByRole('listitem', { name: 'Emre' });
    await emre.getByRole('button', { name: 'One more night' }).click();
    const until = dayLabel(addNights(world.tonight, 2));
    await emre.getByText(`Stays until ${until} (one more night)`, { exact: true }).waitFor();
    expect(departureOf('Emre')).toBe(addNights(world.tonight, 2));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotsIn(page, 'one-more-night');
    // The undo gives the night back: the old departure, the line gone, "One more night" offered again.
    await emre.getByRole('button', { name: 'Undo' }).click();
    await emre.getByText(/^Stays until/).waitFor({ state: 'detached' });
    expect(departureOf('Emre')).toBe(addNights(world.tonight, 1));
    await emre.getByRole('button', { name: 'One more night' }).waitFor();

    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    // Closing over Daria's and Emre's nights is refused, saying how many bookings are in the way.
    await page.getByLabel('What to close').selectOption({ label: 'Blue room' });
    await page.getByLabel('First night closed').fill(world.tonight);
    await page.getByLabel('Last night closed').fill(addNights(world.tonight, 1));
    await page.getByRole('button', { name: 'Close these nights' }).click();
    // Emre, in since two nights ago, is the first in the way: named, with his bed and dates; a host does
    // not move bookings (the household's page is not theirs), so the sentence says who does, with no link.
    await page
      .getByText(
        `Emre’s booking (Blue room 2, ${shortDay(addNights(world.tonight, -2))} – ${shortDay(addNights(world.tonight, 1))}) holds beds on those nights, and 1 more booking. A guide or an admin can move it; then close these nights.`,
      )
      .waitFor();
    expect(await page.getByLabel('First night closed').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('link', { name: 'Move Emre’s booking' }).count()).toBe(0);
    await screenshotsIn(page, 'closure-refused', async () => {
      await page.locator('#closure-room').selectOption({ label: 'Blue room' });
      await page.locator('#closure-first').fill(world.tonight);
      await page.locator('#closure-last').fill(addNights(world.tonight, 1));
      await page.locator('form:has(#closure-first) button[type="submit"]').click();
      await page.locator('#closure-first[aria-invalid="true"]').waitFor();
    });
    await page.getByLabel('What to close').selectOption({ label: 'Blue room' });

    const first = addNights(world.tonight, 4);
    await page.getByLabel('First night closed').fill(first);
    await page.getByLabel('Last night closed').fill(addNights(first, 1));
    await page.getByLabel('Reason (optional)').fill('Painting');
    await page.getByRole('button', { name: 'Close these nights' }).click();
    await page.getByText('Those nights are closed.').waitFor();

    // On a phone, night by night: the Blue room's three beds in service and the broken one are closed.
    const nights = page.getByRole('list', { name: 'Night by night' });
    const night = nights.locator(':scope > li').nth(4);
    await night.getByText('4 closed').waitFor();
    expect(await night.getByText('Blue room:').count()).toBe(0);
    expect(await nights.locator(':scope > li').nth(3).getByText('Blue room: 1, 2, 3').isVisible()).toBe(true);
    // The wide grid says the same, cell by cell.
    const cells = (bed: number) => page.locator('table tbody').first().locator('tr').nth(bed).locator('td');
    expect(await cells(1).nth(4).getAttribute('data-state')).toBe('closed');
    expect(await cells(1).nth(5).getAttribute('data-state')).toBe('closed');
    expect(await cells(1).nth(6).getAttribute('data-state')).toBe('free');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);

    const closure = page.getByRole('listitem', { name: /^Blue room: nights/ });
    await closure.getByRole('button', { name: 'Reopen' }).click();
    await closure.getByRole('button', { name: 'Yes' }).click();
    await page.getByText('No closures ahead.', { exact: false }).waitFor();
    await context.close();
  });

  it('gives a host of another shelter no calendar of this one', async () => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    const response = await openSignedIn(page, 'host@waystation.test', { at: `/shelters/${world.shelter.id}/calendar` });
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
