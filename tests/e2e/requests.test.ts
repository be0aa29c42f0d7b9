import { request as httpRequest } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_FILL_MS } from '@/lib/requests/form-guard';
import { openSignedIn } from './signed-in';
import { axeViolations, launchBrowser, newPage } from './support';

const PHONE_360 = { width: 360, height: 740 };
const baseURL = inject('baseURL');
let browser: Browser;
let addresses = 0;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A phone in Russian, from an address of its own so that the hourly limit of one test never touches another. */
async function phone(options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE_360,
    locale: 'ru-RU',
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${(addresses += 1) + 100}` },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** The request form by its Russian labels; waits as long as a person would at least take, since the server refuses faster posts. */
async function fillRequest(page: Page, values: { alias: string; women: string; contact: string }) {
  await page.getByLabel('Ваше имя или ник').fill(values.alias);
  // The demo network has two cities: the form asks which one they are in.
  await page.getByLabel('Город, где вы сейчас').selectOption({ label: 'Стамбул' });
  await page.getByLabel('Женщины').fill(values.women);
  await page.getByLabel('Telegram, WhatsApp или телефон').fill(values.contact);
  await page.waitForTimeout(MIN_FILL_MS + 300);
  await page.getByRole('button', { name: 'Отправить заявку' }).click();
}

function gzipBytes(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(`${baseURL}${path}`, { headers: { 'accept-encoding': 'gzip', 'accept-language': 'ru' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(response.headers['content-encoding'] === 'gzip' ? bytes : Infinity));
    })
      .on('error', reject)
      .end();
  });
}

const kadikoy = (page: Page) => page.getByRole('region', { name: 'Kadıköy Church Hall' });

describe('an arrival helps themselves, on a 360 px phone in Russian', () => {
  it('sees the listed shelters, asks for a place, waits, and finds the shelter on the same link once a guide reserves beds', async () => {
    const { context, page } = await phone();
    await page.goto('/shelters');
    await page.getByRole('heading', { name: 'Приюты со свободными местами на эту ночь' }).waitFor();
    // The demo has two cities: the list runs city by city, Istanbul's shelters under its own heading.
    const istanbul = page.getByRole('region', { name: 'Стамбул' });
    const names = await istanbul.locator('.cards h3').allTextContents();
    expect(names).toEqual(['Fatih Free Shelter', 'Kadıköy Church Hall']);
    expect(await kadikoy(page).getByText('12 свободных кроватей на эту ночь').isVisible()).toBe(true);
    const listText = await page.locator('body').innerText();
    for (const secret of ['Demo Sokak', 'Örnek Caddesi', 'Beşiktaş Flat', 'Şişli']) expect(listText).not.toContain(secret);
    expect(await istanbul.getByRole('link', { name: 'Позвонить: +90 555 000 0100' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await istanbul.getByRole('link', { name: 'Попросить место' }).click();
    await fillRequest(page, { alias: 'Лена', women: '1', contact: '' });
    const contact = page.getByLabel('Telegram, WhatsApp или телефон');
    expect(await page.getByRole('alert').innerText()).toBe('Проверьте отмеченные ниже поля.');
    expect(await contact.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await contact.getAttribute('aria-describedby').then((ids) => ids!.split(' ').at(-1))}`).innerText()).toBe(
      'Заполните это поле.',
    );
    expect(await page.getByLabel('Ваше имя или ник').inputValue()).toBe('Лена');
    expect(await page.getByLabel('Женщины').inputValue()).toBe('1');

    await contact.fill('@lena_e2e');
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]{43}/);
    const link = page.url();
    expect(await page.getByRole('status').innerText()).toContain('Вы в листе ожидания; с вами свяжется волонтёр.');
    expect(await page.getByText(/Заявка отправлена \d+ \S+ в \d\d:\d\d \(местное время, Стамбул\)\./).isVisible()).toBe(true);
    expect(await page.locator('body').innerText()).not.toContain('lena_e2e');

    // A guide finds the request in the queue, marked as self-registered, and reserves a bed in Kadıköy.
    const guide = await newPage(browser, baseURL);
    await openSignedIn(guide.page, 'guide@waystation.test');
    const card = guide.page.getByRole('listitem', { name: 'Лена' });
    expect(await card.getByText('Asked online').isVisible()).toBe(true);
    await card.getByRole('link', { name: 'Find a place' }).click();
    await guide.page.getByRole('listitem', { name: 'Kadıköy Church Hall' }).getByRole('button', { name: 'Reserve these beds' }).click();
    // One link per household: the guide gets none to hand over, and the booking says why.
    await guide.page.getByRole('heading', { name: 'Reserved at Kadıköy Church Hall' }).waitFor();
    expect(
      await guide.page.getByText('Their link is the one they got when they asked online: it shows this booking now.').isVisible(),
    ).toBe(true);
    expect(await guide.page.getByRole('heading', { name: 'Link for Лена' }).count()).toBe(0);
    expect(await guide.page.locator('body').innerText()).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);

    await page.goto(link);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Kadıköy Church Hall');
    expect(text).toContain('Örnek Caddesi 5, Kadıköy, İstanbul');
    expect(text).toMatch(/Для вас забронирована 1 кровать до \d\d:\d\d/);
    await page.goto('/shelters');
    expect(await kadikoy(page).getByText('11 свободных кроватей на эту ночь').isVisible()).toBe(true);
    await Promise.all([context.close(), guide.context.close()]);
  });

  it('works as a plain form with JavaScript disabled, and the request can be withdrawn from its page', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false });
    await page.goto('/request');
    await fillRequest(page, { alias: 'Без скриптов', women: '1', contact: '+7 900 000 00 00' });
    await page.waitForURL(/\/s\//);
    expect(await page.getByText('Вы в листе ожидания; с вами свяжется волонтёр.').isVisible()).toBe(true);
    await page.getByText('Отменить заявку').click();
    await page.getByRole('button', { name: 'Да, отменить' }).click();
    await page.getByText('Эта заявка закрыта.').waitFor();
    await context.close();
  });

  it('refuses the fourth request in an hour from one address, saying to contact the network', async () => {
    const { context, page } = await phone();
    await page.goto('/request');
    // Three forms, each sent once: a stamp is good for one request.
    const stamps: string[] = [];
    let cityId = '';
    for (let i = 0; i < 3; i++) {
      const html = await (await page.request.get('/request')).text();
      stamps.push(/name="stamp" value="([^"]+)"/.exec(html)![1]);
      // The demo network has two cities: a request says which one it is in.
      cityId = /<option value="([^"]+)">(?:Стамбул|Istanbul)<\/option>/.exec(html)![1];
    }
    await page.waitForTimeout(MIN_FILL_MS + 300);
    for (const stamp of stamps) {
      const form = { alias: 'Повтор', adultMen: '1', adultWomen: '0', children: '0', contact: '@again', lang: 'ru', stamp, cityId };
      const sent = await page.request.post('/request', { form, headers: { origin: baseURL }, maxRedirects: 0 });
      expect(sent.status()).toBe(303);
    }
    await fillRequest(page, { alias: 'Четвёртая', women: '1', contact: '@fourth' });
    expect(await page.getByRole('alert').innerText()).toContain('За последний час вы уже отправили несколько заявок.');
    expect(await page.getByRole('link', { name: 'Позвонить: +90 555 000 0100' }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/request$/);
    await context.close();
  });

  it('keeps both pages within 14 KB on the wire, with no script at all and no axe-core violations', async () => {
    for (const path of ['/shelters', '/request']) {
      expect(await gzipBytes(path)).toBeLessThanOrEqual(14 * 1024);
      const { context, page } = await phone({ bypassCSP: true });
      const scripts: string[] = [];
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
      await page.goto(path);
      expect(scripts).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
