import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSignedIn } from './signed-in';
import { launchBrowser, newPage, PHONE } from './support';

// A staff page loads itself and nothing it links to (docs/decisions/0011): Next used to prefetch
// every link in view, 20 to 30 pages for each page opened, on volunteers' prepaid data.
let browser: Browser;
const baseURL = inject('baseURL');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a staff page on a phone', () => {
  it.each([
    ['guide@waystation.test', '/arrivals', 'Shelters'],
    ['admin@waystation.test', '/occupancy', 'Arrivals'],
  ])('as %s, %s asks for no page it links to until one is followed', async (email, path, linkName) => {
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await openSignedIn(page, email);
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/_next/static/')) asked.push(`${request.method()} ${url.pathname}${url.search}`);
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([`GET ${path}`]);

    // Followed, a link still opens its page in place, loading it then.
    await page.getByRole('navigation').getByRole('link', { name: linkName, exact: true }).click();
    await page.waitForURL(new RegExp(`/${linkName.toLowerCase()}$`));
    expect(asked.slice(1).some((request) => request.startsWith(`GET /${linkName.toLowerCase()}?_rsc=`))).toBe(true);
    await context.close();
  });
});
