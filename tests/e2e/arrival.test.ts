import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { openSignedIn } from './signed-in';
import { launchBrowser, newPage } from './support';

const PHONE_360 = { width: 360, height: 740 };
let browser: Browser;
let link: string;
let guide: Page;
const baseURL = inject('baseURL');

/** A guide places a woman in the Fatih shelter and keeps the link, as they would hand it over. */
beforeAll(async () => {
  browser = await launchBrowser();
  const session = await newPage(browser, baseURL);
  guide = session.page;
  await openSignedIn(guide, 'guide@waystation.test', { at: '/arrivals/new' });
  await guide.getByLabel('Alias').fill('Secret Alias Zhenya');
  await guide.getByLabel('Women', { exact: true }).fill('1');
  await guide.getByLabel('Contact handle (optional)').fill('@zhenya_private_handle');
  await guide.getByRole('button', { name: 'Register and find a place' }).click();
  await guide.getByRole('listitem', { name: 'Fatih Free Shelter' }).getByRole('button', { name: 'Reserve these beds' }).click();
  link = await guide.getByLabel('Their link').inputValue();
});
afterAll(() => browser?.close());

async function phone(locale: string, options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ viewport: PHONE_360, locale, isMobile: true, hasTouch: true, ...options });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Bytes on the wire, as a phone asking for gzip receives them. */
function transferSize(url: string): Promise<{ bytes: number; encoding: string | undefined; status: number }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'], status: response.statusCode ?? 0 }));
    })
      .on('error', reject)
      .end();
  });
}

const EXPECTED = {
  'ru-RU': { status: 'Для вас забронирована 1 кровать до', directions: 'От метро Везнеджилер', rules: 'Тишина после 23:00' },
  'uk-UA': { status: 'Для вас заброньовано 1 ліжко до', directions: 'Від метро Везнеджилер', rules: 'Тиша після 23:00' },
  'tr-TR': { status: 'Sizin için 1 yatak', directions: 'Vezneciler metrosundan', rules: '23:00’ten sonra sessizlik' },
  'en-GB': { status: '1 bed is held for you until', directions: 'From Vezneciler metro', rules: 'Quiet after 23:00' },
} as const;

describe("the arrival's page on a 360 px phone", () => {
  for (const [locale, expected] of Object.entries(EXPECTED)) {
    it(`shows the address, hold time and rules in ${locale}, and nothing about the person`, async () => {
      const { context, page } = await phone(locale);
      const response = await page.goto(link);
      expect(response?.status()).toBe(200);
      const text = await page.locator('body').innerText();
      expect(text).toContain('Fatih Free Shelter');
      expect(text).toContain('Demo Sokak 12, Fatih, İstanbul');
      expect(text).toContain(expected.status);
      expect(text).toMatch(/\d\d:\d\d/);
      expect(text).toContain(expected.directions);
      expect(text).toContain(expected.rules);
      expect(text).not.toContain('Secret Alias Zhenya');
      expect(text).not.toContain('zhenya_private_handle');
      expect(await page.getByRole('link', { name: 'OpenStreetMap' }).getAttribute('href')).toContain('mlat=41.0186');
      expect(await page.locator('a[href^="geo:41.0186,28.9497"]').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await context.close();
    });
  }

  it('remembers a language chosen with the switcher', async () => {
    const { context, page } = await phone('en-GB');
    await page.goto(link);
    await page.getByRole('link', { name: 'Українська' }).click();
    await page.getByText('Як дістатися').waitFor();
    await page.goto(link);
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await context.close();
  });

  it('is complete with JavaScript disabled', async () => {
    const { context, page } = await phone('en-GB', { javaScriptEnabled: false });
    await page.goto(link);
    for (const heading of ['Address', 'How to get there', 'House rules', 'What to bring', 'Contact the shelter']) {
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('link', { name: /Call/ }).getAttribute('href')).toBe('tel:+905550000001');
    await context.close();
  });

  it('opens again with the network off, saying it is a saved copy', async () => {
    const { context, page } = await phone('en-GB');
    await page.goto(link);
    const path = new URL(link).pathname;
    await expect
      .poll(() => page.evaluate(async (p) => Boolean(await caches.match(location.origin + p)), path), { timeout: 15_000 })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    expect(await page.getByText('Demo Sokak 12, Fatih, İstanbul').isVisible()).toBe(true);
    expect(await page.getByText(/No connection\. This is the copy saved at \d\d:\d\d\./).isVisible()).toBe(true);
    await context.close();
  });

  it('stays within 14 KB on the wire, with no framework JavaScript', async () => {
    const { bytes, encoding, status } = await transferSize(link);
    expect(status).toBe(200);
    expect(encoding).toBeDefined();
    expect(bytes).toBeLessThanOrEqual(14 * 1024);
    const { context, page } = await phone('en-GB');
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(link);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    const inline = await page.locator('script').allTextContents();
    expect(inline).toHaveLength(1);
    expect(Buffer.byteLength(inline[0])).toBeLessThan(1024);
    const worker = await transferSize(`${baseURL}/s/sw.js`);
    expect(worker.bytes).toBeLessThan(2 * 1024);
    await context.close();
  });

  it('has no axe-core violations (WCAG 2.1 A and AA)', async () => {
    const { context, page } = await phone('ru-RU', { bypassCSP: true });
    await page.goto(link);
    const axeSource = createRequire(import.meta.url)('axe-core').source as string;
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('carries the headers that keep it private, uncached and unframed', async () => {
    const response = await guide.request.get(link);
    const headers = response.headers();
    expect(headers['cache-control']).toBe('private, no-store');
    // A held stay's page has the guest's two forms ("on my way", "late"): same-origin, so a post
    // carries its Origin; still nothing is ever sent to another site.
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['content-security-policy']).toContain("form-action 'self'");
    expect(headers['x-robots-tag']).toContain('noindex');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('links that do not work', () => {
  it('an unknown link and a revoked link give the same friendly 404 in four languages', async () => {
    const { context, page } = await phone('tr-TR');
    const unknown = await page.goto(`${baseURL}/s/${'x'.repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    const unknownText = await page.locator('body').innerText();
    for (const sentence of ['Bu bağlantı çalışmıyor', 'Эта ссылка не работает', 'Це посилання не працює', 'This link does not work']) {
      expect(unknownText).toContain(sentence);
    }

    // The guide revokes the link; the arrival's page then looks exactly like an unknown one.
    await guide.getByRole('button', { name: 'Revoke link' }).click();
    await guide.getByRole('button', { name: 'Yes' }).click();
    await guide.getByText('Link revoked.').waitFor();
    const revoked = await page.goto(link);
    expect(revoked?.status()).toBe(404);
    expect(await page.locator('body').innerText()).toBe(unknownText);
    await context.close();
  });

  it('a client trying many links is slowed, then refused with 429', async () => {
    // A forged address of its own, so the refusal does not touch the other tests.
    const headers = { 'x-forwarded-for': '198.51.100.77' };
    const { context, page } = await phone('en-GB');
    const guess = async (i: number) => {
      const started = performance.now();
      const response = await page.request.get(`${baseURL}/s/guess${String(i).padStart(38, '0')}`, { headers });
      return { status: response.status(), ms: performance.now() - started };
    };
    // Twenty at once, as a guesser with a script would: each miss is counted before it waits, so the
    // wait is the longest delay, not their sum. Past five misses each answer is held back.
    const misses = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(i)));
    expect(misses.map((m) => m.status)).toEqual(Array(20).fill(404));
    expect(Math.max(...misses.map((m) => m.ms))).toBeGreaterThanOrEqual(RATE_LIMITS['link.address'].delay.max);
    expect((await guess(20)).status).toBe(429);
    await context.close();
  }, 120_000);
});
