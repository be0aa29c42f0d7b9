import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

// `npx tsx scripts/screenshots.ts [base URL] [out dir]`: every staff screen at phone and desktop
// widths in each language, for looking at what we built. Expects the demo data and password.
const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'screenshots';
const password = process.env.DEMO_PASSWORD || 'waystation-demo';
const widths = { phone: { width: 320, height: 720 }, desktop: { width: 1280, height: 900 } };
const locales = ['en', 'ru', 'tr'];

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/email|почта|e-posta/i).fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const [size, viewport] of Object.entries(widths)) {
    for (const locale of locales) {
      const context = await browser.newContext({ viewport, locale });
      await context.addCookies([{ name: 'waystation-locale', value: locale, url: base }]);
      const page = await context.newPage();
      const shot = (name: string) => page.screenshot({ path: `${out}/${name}-${size}-${locale}.png`, fullPage: true });
      await page.goto(`${base}/login`);
      await shot('login');
      await signIn(page, 'host@waystation.test');
      await context.addCookies([{ name: 'waystation-locale', value: locale, url: base }]);
      await page.reload();
      await shot('host-shelters');
      await page.locator('.shelter-list a').first().click();
      await page.waitForURL(/\/shelters\/[^/]+$/);
      await shot('host-board');
      const boardUrl = page.url();
      await page.goto(`${boardUrl}/rooms`);
      await shot('host-rooms');
      await page.goto(`${boardUrl}/profile`);
      await shot('host-profile');
      await page.goto(`${boardUrl}/calendar`);
      await shot('host-calendar');
      await page.goto(`${base}/occupancy/history?range=30`);
      await shot('host-history');
      await page.goto(`${base}/account`);
      await shot('host-account');
      await context.close();

      const guide = await browser.newContext({ viewport, locale });
      const guidePage = await guide.newPage();
      await signIn(guidePage, 'guide@waystation.test');
      await guide.addCookies([{ name: 'waystation-locale', value: locale, url: base }]);
      await guidePage.goto(`${base}/arrivals`);
      await guidePage.screenshot({ path: `${out}/guide-arrivals-${size}-${locale}.png`, fullPage: true });
      await guidePage.goto(`${base}/arrivals?view=placed`);
      await guidePage.screenshot({ path: `${out}/guide-placed-${size}-${locale}.png`, fullPage: true });
      await guidePage.goto(`${base}/arrivals/new`);
      await guidePage.screenshot({ path: `${out}/guide-intake-${size}-${locale}.png`, fullPage: true });
      // Artem waits at Istanbul Airport: his cards say how far each shelter is and what sets it apart.
      await guidePage.goto(`${base}/arrivals`);
      await guidePage.getByRole('link', { name: 'Artem' }).first().click();
      await guidePage.waitForURL(/\/arrivals\/[^/]+$/);
      await guidePage.screenshot({ path: `${out}/guide-suggestions-${size}-${locale}.png`, fullPage: true });
      // Pavel registered before landing: his page looks for beds from tomorrow.
      await guidePage.goto(`${base}/arrivals`);
      await guidePage.getByRole('link', { name: 'Pavel' }).first().click();
      await guidePage.waitForURL(/\/arrivals\/[^/]+$/);
      await guidePage.screenshot({ path: `${out}/guide-household-${size}-${locale}.png`, fullPage: true });
      await guide.close();

      const admin = await browser.newContext({ viewport, locale });
      const adminPage = await admin.newPage();
      await signIn(adminPage, 'admin@waystation.test');
      await admin.addCookies([{ name: 'waystation-locale', value: locale, url: base }]);
      await adminPage.goto(`${base}/staff`);
      await adminPage.screenshot({ path: `${out}/admin-staff-${size}-${locale}.png`, fullPage: true });
      await adminPage.goto(`${base}/shelters`);
      await adminPage.screenshot({ path: `${out}/admin-shelters-${size}-${locale}.png`, fullPage: true });
      for (const [name, path] of [
        ['occupancy', '/occupancy'],
        ['ahead', '/occupancy/ahead'],
        ['history', '/occupancy/history?range=30'],
        ['audit', '/audit'],
        ['settings', '/settings'],
        ['meeting-points', '/settings/meeting-points'],
      ]) {
        await adminPage.goto(`${base}${path}`);
        await adminPage.screenshot({ path: `${out}/admin-${name}-${size}-${locale}.png`, fullPage: true });
      }
      await admin.close();
    }
  }
  await browser.close();
  console.log(`Screenshots in ${out}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
