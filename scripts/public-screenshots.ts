import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

// `npx tsx scripts/public-screenshots.ts [base URL] [out dir]`: the public pages (/shelters, /request
// with errors, a request's waiting page) at 360 px and 1280 px in each of their four languages. Sends
// one real request to the running demo, from an address of its own.
const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'screenshots';
const widths = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };
const locales = ['ru', 'uk', 'tr', 'en'];

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const headers = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 20}` };

  // One request, whose link every language then shows.
  const sender = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await sender.newPage();
  await page.goto(`${base}/request?lang=en`);
  await page.locator('#alias').fill('Screenshot');
  await page.locator('#adultWomen').fill('1');
  await page.locator('#contact').fill('@screenshot_demo');
  await page.waitForTimeout(3_500);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/s\//);
  const link = page.url().split('?')[0];
  await sender.close();

  for (const [size, viewport] of Object.entries(widths)) {
    for (const locale of locales) {
      const context = await browser.newContext({ viewport, locale, extraHTTPHeaders: headers });
      const tab = await context.newPage();
      const shot = (name: string) => tab.screenshot({ path: `${out}/${name}-${size}-${locale}.png`, fullPage: true });
      await tab.goto(`${base}/shelters?lang=${locale}`);
      await shot('public-shelters');
      await tab.goto(`${base}/request?lang=${locale}`);
      await tab.locator('#alias').fill('Anna');
      await tab.locator('#children').fill('2');
      // Past the minimum fill time, so that the refusal is about the fields.
      await tab.waitForTimeout(3_500);
      await tab.locator('form button[type=submit]').click();
      await tab.locator('.alert').waitFor();
      await shot('public-request-errors');
      await tab.goto(`${link}?lang=${locale}`);
      await shot('public-waiting');
      await context.close();
    }
  }
  await browser.close();
  console.log(`Screenshots in ${out}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
