import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as page } from '@/app/s/[token]/route';
import { GET as worker } from '@/app/s/sw.js/route';
import { write } from '@/db';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { reserveBeds } from '@/lib/placement/reserve';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// The arrival's page read from its saved copy: "no connection" at the top, and "on my way" / "late"
// disabled with the shelter's phone, both with JavaScript off and after a post that found no network.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db } = test;
afterAll(test.cleanup);

const ORIGIN = 'http://localhost:3000';
const guide = asStaff(makeUser(db, 'guide'));

/** A bed held from tonight, placed by a guide, and the link they hand over. */
function heldStay(phone: string | null, now: Date) {
  const shelter = makeShelter(db, { status: 'open', name: 'Moda Evi', phone, checkInUntil: '23:00', timeZone: 'Europe/Istanbul' });
  const { beds } = makeRoom(db, shelter.id, 'women', 1);
  const arrival = makeArrival(db, { adultWomen: 1, adultMen: 0, children: 0 });
  return write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [beds[0].id] }, now)).token;
}

type Listener = (event: { request: Request; respondWith(answer: Promise<Response>): void }) => void;

/**
 * /s/sw.js as it is served, run with a cache in memory and a network the test switches off: what
 * the phone shows for a navigation, or null when the worker leaves it to the browser.
 */
async function phoneWithWorker(now: Date) {
  const source = await (await worker()).text();
  const listeners: Record<string, Listener> = {};
  const store = new Map<string, Response>();
  const cache = {
    put: async (key: string, response: Response) => void store.set(key, response),
    delete: async (key: string) => store.delete(key),
  };
  const caches = { open: async () => cache, match: async (key: string) => store.get(key)?.clone() };
  let online = true;
  const network = async (request: Request) => {
    if (!online) throw new TypeError('Failed to fetch');
    const token = new URL(request.url).pathname.split('/')[2];
    vi.setSystemTime(now);
    return page(request, { params: Promise.resolve({ token }) });
  };
  const self = { addEventListener: (type: string, listener: Listener) => (listeners[type] = listener), skipWaiting() {} };
  new Function('self', 'caches', 'fetch', 'Response', source)(self, caches, network, Response);
  const navigate = async (url: string, method = 'GET'): Promise<Response | null> => {
    let answer: Promise<Response> | null = null;
    const request = new Request(url, {
      method,
      headers: { host: 'localhost:3000' },
      body: method === 'POST' ? 'intent=on_my_way' : undefined,
    });
    Object.defineProperty(request, 'mode', { value: 'navigate' });
    listeners.fetch({ request, respondWith: (response) => (answer = response) });
    const response = answer ? await answer : null;
    // The worker saves the copy after answering: let it finish.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return response;
  };
  return { navigate, goOffline: () => (online = false) };
}

/** The page's markup outside every disabled "needs a connection" fieldset. */
const outsideDisabled = (html: string) => html.replace(/<fieldset disabled="" class="needs-connection">[\s\S]*?<\/fieldset>/g, '');

describe('the saved copy of an arrival’s page', () => {
  // 14:00Z is 17:00 in Istanbul; the bed is held until 23:00 tonight.
  const NOW = new Date('2026-10-01T14:00:00Z');
  afterAll(() => vi.useRealTimers());

  it.each([
    ['ru', 'Нет соединения. Это копия, сохранённая в 17:00.', 'Чтобы отправить, нужно соединение. Позвоните в приют:'],
    ['uk', 'Немає з’єднання. Це копія, збережена о 17:00.', 'Щоб надіслати, потрібне з’єднання. Зателефонуйте до притулку:'],
  ])(
    'says "no connection" at the top and disables "on my way" and "late", giving the shelter’s phone (%s)',
    async (lang, offline, needs) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const link = `${ORIGIN}/s/${heldStay('+90 555 111 22 33', NOW)}?lang=${lang}`;
      const phone = await phoneWithWorker(NOW);
      const live = await (await phone.navigate(link))!.text();
      // Online, the forms work and the notes are there but hidden by the page's CSS.
      expect(live).toContain('name="intent" value="on_my_way"');
      expect(live).not.toContain('<fieldset disabled');
      expect(live).not.toContain('class="saved"');

      phone.goOffline();
      const saved = await (await phone.navigate(link))!.text();
      expect(saved).toMatch(/^<!doctype html><html class="saved" lang=/);
      expect(saved).toMatch(new RegExp(`<main><section class="offline-note" role="note"><p>${offline}</p></section>`));
      expect(saved).toContain(`<p class="needs-connection-note">${needs} <a href="tel:+905551112233">+90 555 111 22 33</a></p>`);
      expect(saved.match(/<form /g)).toHaveLength(2);
      expect(outsideDisabled(saved)).not.toContain('<form ');
    },
  );

  it('answers a post sent with no connection with the saved copy, not the browser’s error page', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const link = `${ORIGIN}/s/${heldStay('+90 555 111 22 33', NOW)}?lang=en`;
    const phone = await phoneWithWorker(NOW);
    await phone.navigate(link);
    phone.goOffline();
    const answer = await phone.navigate(link, 'POST');
    expect(answer?.status).toBe(200);
    const html = await answer!.text();
    expect(html).toContain('No connection. This is the copy saved at 17:00.');
    expect(html).toContain('Sending this needs a connection. Call the shelter:');
    expect(outsideDisabled(html)).not.toContain('<form ');
  });

  it('says to try again once back online when the shelter has no phone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const link = `${ORIGIN}/s/${heldStay(null, NOW)}?lang=tr`;
    const phone = await phoneWithWorker(NOW);
    await phone.navigate(link);
    phone.goOffline();
    const html = await (await phone.navigate(link))!.text();
    expect(html).toContain(
      '<p class="needs-connection-note">Göndermek için bağlantı gerekiyor. Yeniden bağlandığınızda tekrar deneyin.</p>',
    );
    expect(html).toContain('Bağlantı yok. Bu, 17:00 saatinde kaydedilen kopyadır.');
  });

  it('holds back withdrawing a request on the waiting page too, and says it needs a connection', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = newLinkToken();
    makeArrival(db, { selfRegistered: true, requestTokenHash: hashLinkToken(token), status: 'waiting' });
    const phone = await phoneWithWorker(NOW);
    await phone.navigate(`${ORIGIN}/s/${token}?lang=ru`);
    phone.goOffline();
    const html = await (await phone.navigate(`${ORIGIN}/s/${token}?lang=ru`))!.text();
    expect(html).toMatch(/<main><section class="offline-note" role="note"><p>Нет соединения\. Это копия, сохранённая в 17:00\.<\/p>/);
    expect(html).toContain('<p class="needs-connection-note">Для отмены нужно соединение.</p>');
    expect(html).toContain('name="intent" value="cancel"');
    expect(outsideDisabled(html)).not.toContain('<form ');
  });
});
