import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// The offers' vetting queue on a 320 px phone, in each staff language: the demo's places offered in
// Istanbul and Yerevan (scripts/demo-data/offers.ts) as one card each, the search and the filters one
// under the other, nothing wider than the screen, not even inside a box that scrolls sideways. On a
// desktop the same offers are a table, a line each.

const SHOTS = shotsDir('offers-queue');
const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** What a person reading each staff language looks for. */
const WORDS = {
  en: {
    title: 'Offered places',
    search: 'Search',
    show: 'Show',
    fresh: 'New',
    contact: 'Phone or Telegram',
    none: 'No offer matches this search and these filters.',
  },
  ru: {
    title: 'Предложенное жильё',
    search: 'Поиск',
    show: 'Показать',
    fresh: 'Новое',
    contact: 'Телефон или Telegram',
    none: 'Под этот поиск и эти фильтры не подходит ни одно предложение.',
  },
  tr: {
    title: 'Önerilen yerler',
    search: 'Ara',
    show: 'Göster',
    fresh: 'Yeni',
    contact: 'Telefon ya da Telegram',
    none: 'Bu arama ve filtrelerle eşleşen teklif yok.',
  },
} as const;
type Locale = keyof typeof WORDS;

/** The demo's newest offer, in Istanbul, still new: its reference and its contact. */
const NEWEST = { reference: 'KDZ-4HP', contact: '+90 532 410 22 19' };

async function openQueue(locale: Locale, viewport: { width: number; height: number }, at = '/offers'): Promise<Page> {
  const { context, page } = await newPage(browser, baseURL, viewport);
  await openSignedIn(page, 'admin@waystation.test');
  await context.addCookies([{ url: baseURL, name: LOCALE_COOKIE, value: locale }]);
  await page.goto(at);
  await page.getByRole('heading', { level: 1, name: WORDS[locale].title }).waitFor();
  return page;
}

/** Every element `locator` finds lies wholly on the screen, left to right (none cut off or scrolled away). */
async function allOnScreen(page: Page, locator: Locator): Promise<void> {
  const width = page.viewportSize()!.width;
  const boxes = await locator.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent?.trim().slice(0, 40), left: Math.round(box.left), right: Math.round(box.right) };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  expect(boxes.filter((box) => box.left < 0 || box.right > width)).toEqual([]);
}

/** The filters whose chosen option does not fit its box (its padding and arrow aside): their names. */
function croppedChoices(page: Page): Promise<string[]> {
  return page.locator('main form select').evaluateAll((selects) =>
    (selects as HTMLSelectElement[])
      .filter((select) => {
        const probe = document.createElement('span');
        probe.style.cssText = `position: absolute; white-space: pre; font: ${getComputedStyle(select).font}`;
        probe.textContent = select.selectedOptions[0]?.textContent ?? '';
        document.body.append(probe);
        const wide = probe.getBoundingClientRect().width;
        probe.remove();
        return wide + 40 > select.clientWidth;
      })
      .map((select) => select.name),
  );
}

describe('the offers queue on a 320 px phone', () => {
  for (const locale of Object.keys(WORDS) as Locale[]) {
    it(`fits the screen in ${locale}: the offers as cards, the search and every filter at hand`, async () => {
      const words = WORDS[locale];
      const page = await openQueue(locale, PHONE);
      const main = page.locator('main');
      // The list is not empty: the demo's newest offer is on it, its reference leading to it.
      await main.getByRole('link', { name: NEWEST.reference }).waitFor();
      expect(await main.locator('a[href^="/offers/"]').count()).toBeGreaterThan(3);
      await screenshot(page, SHOTS, `offers-${locale}-320.png`, { fullPage: true });

      // No sideways scroll: not the page's, and not a box's inside it.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await allOnScreen(page, main.getByText(NEWEST.contact));
      await allOnScreen(page, main.locator('tbody th, tbody td'));
      await allOnScreen(page, main.locator('.badge'));

      // Each cell says what it is, as the column's header said on a desktop.
      await main.getByText(words.contact).first().waitFor();
      expect(await main.locator('.badge', { hasText: new RegExp(`^${words.fresh}$`) }).count()).toBeGreaterThan(0);

      // The search and the filters: whole on the screen, their labels not cut short, the button reachable.
      const search = page.getByRole('searchbox', { name: words.search });
      await allOnScreen(page, search);
      await allOnScreen(page, main.locator('form label, form select, form input, form .hint'));
      await allOnScreen(page, page.getByRole('button', { name: words.show }));
      const cut = await main
        .locator('form label, form select')
        .evaluateAll((elements) =>
          elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.textContent),
        );
      expect(cut).toEqual([]);
      expect(await croppedChoices(page)).toEqual([]);
      if (locale === 'en') expect(await axeViolations(page)).toEqual([]);

      // A search that finds nothing says so, and leads back to the whole queue.
      await search.fill('no such place anywhere');
      await page.getByRole('button', { name: words.show }).click();
      await page.getByText(words.none).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, SHOTS, `offers-${locale}-320-none.png`, { fullPage: true });
      await main.locator('a[href="/offers"]').click();
      await main.getByRole('link', { name: NEWEST.reference }).waitFor();
      expect(new URL(page.url()).search).toBe('');
      await page.context().close();
    });
  }
});

describe('the offers queue on a desktop', () => {
  for (const locale of ['en', 'ru'] as const) {
    it(`is a table in ${locale}, a line per offer under its columns' headers`, async () => {
      const words = WORDS[locale];
      const page = await openQueue(locale, DESKTOP);
      await page.getByRole('columnheader', { name: words.contact }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: NEWEST.reference }) });
      // One line: the contact's cell beside the reference, level with it, the row a line of text high.
      const [line, reference, contact] = await Promise.all([
        row.boundingBox(),
        row.getByRole('link', { name: NEWEST.reference }).boundingBox(),
        row.getByRole('cell', { name: NEWEST.contact }).boundingBox(),
      ]);
      expect(Math.abs(contact!.y - line!.y)).toBeLessThan(2);
      expect(contact!.x).toBeGreaterThan(reference!.x + reference!.width);
      expect(line!.height).toBeLessThan(50);
      // The search on a line of its own; the filters beside each other, none cut short.
      expect(await croppedChoices(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
      await screenshot(page, SHOTS, `offers-${locale}-1280.png`, { fullPage: true });
      // A tablet held upright: still the table, every cell of it on the screen.
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.getByRole('columnheader', { name: words.contact }).waitFor();
      await allOnScreen(page, page.locator('main tbody th, main tbody td'));
      await screenshot(page, SHOTS, `offers-${locale}-768.png`, { fullPage: true });
      await page.context().close();
    });
  }
});
