import { afterAll, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { arrivals } from '@/db/schema';
import { formStamp, STAMP_MAX_AGE_MS } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { publicRequestSchema } from '@/lib/validation/request';
import { createTestDb } from '../support/test-db';

// Each request form handed out is good for one accepted request: a replayed post is refused, kindly.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const NOW = new Date('2026-10-01T14:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'stamp-test-secret-stamp-test-secret-xx';
const { db, sqlite } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const later = (ms: number) => new Date(NOW.getTime() + ms);
const households = () => db.select().from(arrivals).all().length;
const stampIn = (html: string) => /name="stamp" value="([^"]+)"/.exec(html)?.[1];

async function postForm(stamp: string, address: string, alias = 'Zarina-Replay') {
  const { POST } = await import('@/app/request/route');
  const body = new URLSearchParams({ alias, adultMen: '0', adultWomen: '1', children: '0', contact: '@zarina_replay', lang: 'ru', stamp });
  return POST(
    new Request(`${ORIGIN}/request`, {
      method: 'POST',
      body,
      headers: { host: 'localhost:3000', origin: ORIGIN, 'x-forwarded-for': address, 'content-type': 'application/x-www-form-urlencoded' },
    }),
  );
}

describe('a request form’s stamp', () => {
  it('is accepted once; a replay is refused with what was typed and a fresh stamp, and writes nothing', async () => {
    const stamp = formStamp(later(-60_000));
    const statuses: number[] = [];
    const pages: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await postForm(stamp, `198.51.100.${10 + i}`);
      statuses.push(response.status);
      pages.push(await response.text());
    }
    expect(statuses).toEqual([303, 409, 409]);
    expect(households()).toBe(1);
    expect(pages[1]).toContain('Эта форма уже отправлена: ваша заявка дошла до волонтёров');
    expect(pages[1]).toContain('value="Zarina-Replay"');
    const fresh = stampIn(pages[1]);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(stamp);

    // The fresh stamp it hands out works, once the person has taken a moment.
    vi.setSystemTime(later(5_000));
    expect((await postForm(fresh!, '198.51.100.20')).status).toBe(303);
    expect(households()).toBe(2);
    vi.setSystemTime(NOW);
  });

  it('sent too quickly, asks to wait a moment with what was typed, and the same form goes through once the moment has passed', async () => {
    const stamp = formStamp(later(-1_000));
    const refused = await postForm(stamp, '198.51.100.40', 'Quick-Ilya');
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('Подождите пару секунд');
    expect(page).not.toContain('Проверьте данные');
    expect(page).toContain('value="Quick-Ilya"');
    expect(stampIn(page)).toBe(stamp);
    const before = households();
    // Sent again at once: still too soon, still kindly.
    expect((await postForm(stamp, '198.51.100.40', 'Quick-Ilya')).status).toBe(400);
    vi.setSystemTime(later(2_000));
    expect((await postForm(stamp, '198.51.100.40', 'Quick-Ilya')).status).toBe(303);
    expect(households()).toBe(before + 1);
    vi.setSystemTime(NOW);
  });

  it('handed out to two people in the same millisecond, is two stamps', () => {
    expect(formStamp(NOW)).not.toBe(formStamp(NOW));
  });

  it('is remembered only while it could still be valid, and not past its maximum age', () => {
    const form = publicRequestSchema.parse({
      alias: 'Ada',
      adultMen: '0',
      adultWomen: '1',
      children: '0',
      contact: '@ada',
      languages: ['en'],
    });
    const issued = later(60 * 60_000);
    const stamp = formStamp(issued);
    const submit = (at: Date, address: string) => write(db, (tx) => submitRequest(tx, form, { address, stamp }, at));
    expect(submit(later(61 * 60_000), '192.0.2.1')).toHaveProperty('token');
    expect(submit(later(62 * 60_000), '192.0.2.2')).toEqual({ refusal: 'stampUsed' });
    const used = () => sqlite.prepare('select expires_at as expiresAt from used_form_stamps').all() as { expiresAt: number }[];
    expect(used().map((row) => row.expiresAt)).toContain(issued.getTime() + STAMP_MAX_AGE_MS);
    // Once every remembered stamp is past its age, the next accepted request forgets them all.
    write(db, (tx) =>
      submitRequest(
        tx,
        form,
        { address: '192.0.2.3', stamp: formStamp(later(STAMP_MAX_AGE_MS + 2 * 3600_000)) },
        later(STAMP_MAX_AGE_MS + 2 * 3600_000 + 10_000),
      ),
    );
    expect(used()).toHaveLength(1);
  });
});
