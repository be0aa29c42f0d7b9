import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSignedIn } from './signed-in';
import { launchBrowser, newPage } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A guide's intake, by the visible labels; lands on the household's suggestions. */
async function registerHousehold(page: Page, alias: string, counts: { men: number; women: number; children: number }) {
  await page.goto('/arrivals/new');
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('Men', { exact: true }).fill(String(counts.men));
  await page.getByLabel('Women', { exact: true }).fill(String(counts.women));
  await page.getByLabel('Children', { exact: true }).fill(String(counts.children));
  // An admin of every city says which city the household is in; a guide holding Istanbul is not asked.
  const city = page.getByLabel('City they are in now');
  if (await city.count()) await city.selectOption({ label: 'Istanbul' });
  await page.getByRole('button', { name: 'Register and find a place' }).click();
  await page.getByRole('heading', { name: 'Where they can sleep' }).waitFor();
}

describe('placing a household', () => {
  it('a family is offered the Fatih family room first, reserved with a link and QR code, then checked in by the host', async () => {
    // The Fatih host has just confirmed their availability, as hosts do at the start of an evening.
    const host = await newPage(browser, baseURL);
    await openSignedIn(host.page, 'host@waystation.test');
    await host.page.getByRole('link', { name: 'Fatih Free Shelter' }).click();
    await host.page.getByRole('button', { name: 'Availability is correct' }).click();
    await host.page.getByText('Thank you. Availability confirmed.').waitFor();

    const guide = await newPage(browser, baseURL);
    await openSignedIn(guide.page, 'guide@waystation.test');
    await registerHousehold(guide.page, 'Sokolov family', { men: 1, women: 1, children: 2 });

    const first = guide.page.locator('.suggestion-list > li').first();
    expect(await first.getAttribute('aria-label')).toBe('Fatih Free Shelter');
    expect(await first.getByText('Whole household in one room: Family room, 4 free beds').isVisible()).toBe(true);
    expect(await first.getByText("Men's dorm: men only").isVisible()).toBe(true);

    await first.getByRole('button', { name: 'Reserve these beds' }).click();
    await guide.page.getByRole('heading', { name: 'Link for Sokolov family' }).waitFor();
    const link = await guide.page.getByLabel('Their link').inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{43}$`));
    expect(await guide.page.locator('.qr svg').count()).toBe(1);
    expect(await guide.page.getByRole('link', { name: 'Telegram' }).getAttribute('href')).toContain('t.me/share/url');
    expect(await guide.page.getByText('Reserved at Fatih Free Shelter').isVisible()).toBe(true);
    expect((await guide.page.request.get(link)).status()).toBe(200);

    await host.page.reload();
    const expected = host.page.getByRole('region', { name: /Expected/ }).getByRole('listitem', { name: 'Sokolov family' });
    await expected.getByRole('button', { name: 'Check in' }).click();
    await host.page
      .getByRole('region', { name: /Staying now/ })
      .getByRole('listitem', { name: 'Sokolov family' })
      .waitFor();
    const familyRoom = host.page.getByRole('region', { name: 'Family room' });
    expect(await familyRoom.locator('[data-state=occupied]').count()).toBe(4);
    expect(await familyRoom.getByText('4 occupied').isVisible()).toBe(true);
    await Promise.all([guide.context.close(), host.context.close()]);
  });

  it('two guides reserve the last free bed at the same moment: one gets it, the other is told it was just taken', async () => {
    const admin = await newPage(browser, baseURL);
    await openSignedIn(admin.page, 'admin@waystation.test');
    await admin.page.getByLabel('Name').fill('Last Bed Inn');
    await admin.page.getByLabel('District').fill('Eminönü');
    await admin.page.getByLabel('City').selectOption({ label: 'Istanbul' });
    await admin.page.getByRole('button', { name: 'Add shelter' }).click();
    await admin.page.getByRole('heading', { name: 'Shelter profile' }).waitFor();
    await admin.page.getByLabel('Status').selectOption({ label: 'Open' });
    // Open to guests all day, so that tonight's bed is the one raced for at whatever hour this runs.
    await admin.page.getByLabel('Check-in from').fill('00:00');
    await admin.page.getByLabel('Check-in until').fill('23:59');
    await admin.page.getByRole('button', { name: 'Save profile' }).click();
    await admin.page.getByText('Profile saved.').first().waitFor();
    await admin.page.getByRole('link', { name: /Last Bed Inn/ }).click();
    await admin.page.getByRole('link', { name: 'Rooms and beds', exact: true }).click();
    await admin.page.getByLabel('Room name').last().fill('Only room');
    await admin.page.locator('#new-room-kind').selectOption({ label: 'Mixed dorm' });
    await admin.page.locator('#new-room-beds').fill('1');
    await admin.page.getByRole('button', { name: 'Add room' }).click();
    await admin.page.getByText('Room added.').waitFor();

    const guide = await newPage(browser, baseURL);
    await openSignedIn(guide.page, 'guide@waystation.test');
    await registerHousehold(guide.page, 'Racer one', { men: 1, women: 0, children: 0 });
    await registerHousehold(admin.page, 'Racer two', { men: 1, women: 0, children: 0 });

    const card = (page: Page) => page.getByRole('listitem', { name: 'Last Bed Inn' });
    await Promise.all([
      card(guide.page).getByRole('button', { name: 'Reserve these beds' }).click(),
      card(admin.page).getByRole('button', { name: 'Reserve these beds' }).click(),
    ]);
    const outcome = async (page: Page) => {
      // The admin sees "Link for Household (details hidden)": names are hidden from admins.
      const won = page.getByRole('heading', { name: /^Link for / });
      const lost = page.getByText('Those beds were just taken. Here are fresh suggestions.');
      await won.or(lost).waitFor();
      return (await won.isVisible()) ? 'won' : 'lost';
    };
    const results = await Promise.all([outcome(guide.page), outcome(admin.page)]);
    expect(results.sort()).toEqual(['lost', 'won']);
    // The loser's fresh suggestions no longer offer the taken bed.
    const loser = results[0] === 'lost' ? guide.page : admin.page;
    await expect.poll(() => card(loser).count()).toBe(0);
    await Promise.all([admin.context.close(), guide.context.close()]);
  });
});
