import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { recordAudit } from '@/lib/audit';
import { makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// Issue 27, point 12: a city admin reads the audit trail in their language on a phone, in plain words,
// and narrows it with the GET form (no JavaScript needed) to what the guest did through their link.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
const SHOTS = shotsDir('audit-trail');
const TAG = Math.random().toString(36).slice(2, 8);
let browser: Browser;
let world: ReturnType<typeof buildWorld>;

function buildWorld() {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    // A city of its own, so the trail of its admins holds only this test's events.
    const city = makeCity(db, `Kars ${TAG}`, { timeZone: 'Europe/Istanbul' });
    const shelter = makeShelter(db, { name: `Kale ${TAG}`, cityId: city.id, status: 'open' });
    const beds = makeRoom(db, shelter.id, 'mixed', 2).beds.map((bed) => bed.id);
    const household = makeArrival(db, { cityId: city.id });
    const stay = makeStay(db, {
      arrivalId: household.id,
      shelterId: shelter.id,
      bedIds: beds,
      firstNight: '2026-12-07',
      departure: '2026-12-09',
    });
    const guide = makeUser(db, 'guide', { email: `eva-${TAG}@waystation.test`, cityIds: [city.id] });
    sqlite.prepare('update users set name = ? where id = ?').run('Eva', guide.id);
    for (const locale of ['tr', 'ru'] as const) {
      const admin = makeUser(db, 'admin', { email: `kars-${locale}-${TAG}@waystation.test`, cityIds: [city.id] });
      sqlite.prepare('update users set locale = ? where id = ?').run(locale, admin.id);
    }
    const at = (iso: string) => new Date(iso);
    recordAudit(db, {
      at: at('2026-12-06T09:00:00Z'),
      actorId: guide.id,
      action: 'stay.reserve',
      entity: 'stay',
      entityId: stay.id,
      shelterId: shelter.id,
    });
    recordAudit(db, {
      at: at('2026-12-06T10:00:00Z'),
      actorId: null,
      actorKind: 'guest',
      action: 'stay.guest_on_my_way',
      entity: 'stay',
      entityId: stay.id,
      shelterId: shelter.id,
    });
    recordAudit(db, { at: at('2026-12-06T11:00:00Z'), actorId: guide.id, action: 'room.update', entity: 'room', shelterId: shelter.id });
    return { shelter: shelter.name, household: household.id };
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  world = buildWorld();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the audit trail on a phone', () => {
  it('in Turkish, filters to the guest’s own actions with the form, and links the guest to their household', async () => {
    const { context, page } = await newPage(browser, baseURL, PHONE, 'tr-TR');
    await openSignedIn(page, `kars-tr-${TAG}@waystation.test`, { at: '/audit' });
    const entries = page.getByRole('list', { name: 'Olaylar, en yenisi önce' }).getByRole('listitem');
    expect(await entries.count()).toBe(3);
    expect(await entries.nth(2).textContent()).toContain(`Rehber Eva: ${world.shelter} için rezervasyon, 2 yatak, 7`);
    await page.getByLabel('Kim').selectOption({ label: 'Misafirler' });
    await page.getByRole('button', { name: 'Filtrele' }).click();
    await page.waitForURL(/person=guest/);
    expect(await entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain(`Misafir: ${world.shelter} barınağına “yoldayım” dedi`);
    expect(await entries.first().getByRole('link', { name: 'Misafir' }).getAttribute('href')).toBe(`/arrivals/${world.household}`);
    // The form keeps what was chosen, and the page fits the phone.
    expect(await page.getByLabel('Kim').inputValue()).toBe('guest');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'audit-tr-guest-320.png', { fullPage: true });
    await page.getByLabel('Kim').selectOption({ label: 'Herkes' });
    await page.getByLabel('Tür').selectOption({ label: 'Şehirler ve ayarlar' });
    await page.getByRole('button', { name: 'Filtrele' }).click();
    await page.waitForURL(/kind=settings/);
    expect(await page.getByText('Bu filtrelere uyan olay yok.').count()).toBe(1);
    if (SHOTS) {
      await page.goto('/audit');
      await screenshot(page, SHOTS, 'audit-tr-320.png', { fullPage: true });
      await page.setViewportSize(DESKTOP);
      await screenshot(page, SHOTS, 'audit-tr-1280.png', { fullPage: true });
    }
    await context.close();
  });

  it('in Russian, says each entry in plain words on its city’s clock', async () => {
    const { context, page } = await newPage(browser, baseURL, PHONE, 'ru-RU');
    await openSignedIn(page, `kars-ru-${TAG}@waystation.test`, { at: '/audit' });
    const entries = page.getByRole('list', { name: 'События, сначала новые' }).getByRole('listitem');
    expect(await entries.count()).toBe(3);
    expect(await entries.first().textContent()).toContain(`Координатор Eva: изменена комната в «${world.shelter}»`);
    // 11:00 UTC is 14:00 in the city (Istanbul's clock).
    expect(await entries.first().locator('time').textContent()).toMatch(/14:00, время Kars/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    if (SHOTS) {
      await screenshot(page, SHOTS, 'audit-ru-320.png', { fullPage: true });
      await page.setViewportSize(DESKTOP);
      await screenshot(page, SHOTS, 'audit-ru-1280.png', { fullPage: true });
    }
    await context.close();
  });
});
