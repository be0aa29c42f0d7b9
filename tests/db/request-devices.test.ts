import { afterAll, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { arrivals } from '@/db/schema';
import { formStamp } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { newRequestDevice, REQUEST_DEVICE_COOKIE } from '@/lib/requests/throttle';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { publicRequestSchema } from '@/lib/validation/request';
import { createTestDb } from '../support/test-db';

const PER_DEVICE = RATE_LIMITS['request.device'].refuse;
const PER_ADDRESS = RATE_LIMITS['request.address'].refuse;
const PER_SHARED_ADDRESS = RATE_LIMITS['request.sharedAddress'].refuse;

// The airport's Wi-Fi: many people behind one address, each asking for a place from their own phone.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
const NOW = new Date('2026-10-03T02:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'device-test-secret-device-test-secret';
const { db } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const AIRPORT = '203.0.113.77';
const form = publicRequestSchema.parse({
  alias: 'Wifi',
  adultMen: '1',
  adultWomen: '0',
  children: '0',
  contact: '@wifi',
  languages: ['ru'],
});
const submit = (address: string, device: string | null, minutes = 1) => {
  const now = new Date(NOW.getTime() + minutes * 60_000);
  return write(db, (tx) => submitRequest(tx, form, { address, device, stamp: formStamp(new Date(now.getTime() - 60_000)) }, now));
};

describe('requests from people sharing one address', () => {
  it('take three people who each send from their own phone, and refuse a fourth request from the same phone', () => {
    const phones = Array.from({ length: 4 }, newRequestDevice);
    for (const phone of phones.slice(0, 3)) expect(submit(AIRPORT, phone)).toHaveProperty('token');
    for (let i = 0; i < PER_DEVICE; i++) expect(submit(AIRPORT, phones[3])).toHaveProperty('token');
    expect(submit(AIRPORT, phones[3])).toEqual({ refusal: 'tooManyFromYou' });
    // The same phone on another network is the same phone.
    expect(submit('198.51.100.5', phones[3])).toEqual({ refusal: 'tooManyFromYou' });
  });

  it('still hold a client without the cookie to the per-address limit, and every device to the address’s ceiling', () => {
    const address = '192.0.2.200';
    for (let i = 0; i < PER_ADDRESS; i++) expect(submit(address, null, 5)).toHaveProperty('token');
    expect(submit(address, null, 5)).toEqual({ refusal: 'tooManyFromYou' });
    // A bot minting a device per request: through until the address's ceiling, then refused.
    const outcomes = Array.from({ length: PER_SHARED_ADDRESS }, () => submit(address, newRequestDevice(), 6));
    expect(outcomes.filter((outcome) => 'token' in outcome)).toHaveLength(PER_SHARED_ADDRESS - PER_ADDRESS);
    expect(outcomes.at(-1)).toEqual({ refusal: 'networkBusy' });
    // A made-up cookie value is no device: the per-address limit.
    expect(submit(address, 'not-a-device', 6)).toEqual({ refusal: 'tooManyFromYou' });
  });

  it('are counted apart through the form itself: it hands each browser its own device cookie', async () => {
    const { GET, POST } = await import('@/app/request/route');
    const address = '203.0.113.90';
    const page = await GET(
      new Request('http://localhost:3000/request', { headers: { host: 'localhost:3000', 'x-forwarded-for': address } }),
    );
    const cookie = /waystation-request-device=([\w-]+); Path=\/request; Max-Age=\d+; SameSite=Lax; HttpOnly/.exec(
      page.headers.get('set-cookie') ?? '',
    )?.[1];
    expect(cookie).toBeDefined();
    vi.setSystemTime(new Date(NOW.getTime() + 60_000));
    const before = db.select().from(arrivals).all().length;
    const post = (device: string) =>
      POST(
        new Request('http://localhost:3000/request', {
          method: 'POST',
          body: new URLSearchParams({
            alias: 'Nadia',
            adultMen: '0',
            adultWomen: '1',
            children: '0',
            contact: '@nadia_wifi',
            lang: 'en',
            stamp: formStamp(new Date(NOW.getTime())),
          }),
          headers: {
            host: 'localhost:3000',
            origin: 'http://localhost:3000',
            'x-forwarded-for': address,
            cookie: `${REQUEST_DEVICE_COOKIE}=${device}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
        }),
      );
    // Four phones on one address, each with its own cookie: all four are taken.
    const statuses = [];
    for (let i = 0; i < PER_ADDRESS + 1; i++) statuses.push((await post(i === 0 ? cookie! : newRequestDevice())).status);
    expect(statuses).toEqual(Array(PER_ADDRESS + 1).fill(303));
    expect(db.select().from(arrivals).all().length).toBe(before + PER_ADDRESS + 1);
    vi.setSystemTime(NOW);
  });
});
