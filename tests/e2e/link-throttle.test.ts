import { describe, expect, inject, it } from 'vitest';
import { MIN_FILL_MS } from '@/lib/requests/form-guard';
import { firstCityOffered } from './support';

// Many people share one address (an airport's Wi-Fi, a mobile carrier's NAT): a guesser among them
// may be refused, but nobody's working link may be.
const baseURL = inject('baseURL');
const SHARED_WIFI = { 'x-forwarded-for': '198.51.100.230' };

/** A working link of someone's own, from the public form, as a person gets it (from a network of its own, apart from the other files' requests). */
async function requestLink(): Promise<string> {
  const headers = { 'x-forwarded-for': '203.0.113.231' };
  const form = await (await fetch(`${baseURL}/request?lang=en`, { headers })).text();
  const stamp = /name="stamp" value="([^"]+)"/.exec(form)![1];
  await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS + 300));
  const body = new URLSearchParams({
    alias: 'Shared Wi-Fi',
    adultMen: '1',
    adultWomen: '0',
    children: '0',
    contact: '@shared_wifi',
    lang: 'en',
    stamp,
    ...firstCityOffered(form),
  });
  const sent = await fetch(`${baseURL}/request`, { method: 'POST', body, headers: { ...headers, origin: baseURL }, redirect: 'manual' });
  expect(sent.status).toBe(303);
  return new URL(sent.headers.get('location')!, baseURL).pathname;
}

describe('the arrival-link throttle', () => {
  it('refuses a guesser’s misses but still serves a working link opened from the same address', async () => {
    const link = await requestLink();
    // Twenty misses at once: each is counted before it is held back, so the file waits one delay, not twenty.
    const guesses = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await fetch(`${baseURL}/s/guess${String(i).padStart(38, '0')}`, { headers: SHARED_WIFI })).status,
      ),
    );
    expect(guesses.every((status) => status === 404)).toBe(true);

    const mine = await fetch(`${baseURL}${link}?lang=en`, { headers: SHARED_WIFI });
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain('You are on the waiting list; a volunteer will contact you.');
    // The next miss from that address is refused, as before; the working link still opens after it.
    expect((await fetch(`${baseURL}/s/${'B'.repeat(43)}`, { headers: SHARED_WIFI })).status).toBe(429);
    expect((await fetch(`${baseURL}${link}?lang=en`, { headers: SHARED_WIFI })).status).toBe(200);
  }, 60_000);
});
