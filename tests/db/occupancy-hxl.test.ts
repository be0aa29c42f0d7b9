import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { HXL_TAGS, hxlRow } from '@/lib/occupancy/hxl';
import { makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { createTestDb } from '../support/test-db';

// The occupancy CSV with ?hxl=1: a row of HXL hashtags under the header, and nothing else changed.
const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'hxl-test-secret-hxl-test-secret-hxl-test';
context.current = new RequestContext();
const { db } = test;
afterAll(test.cleanup);
afterEach(() => vi.useRealTimers());
// Imported once the secret is set: Auth.js reads it when the module loads.
const exportCsv = async (request: Request) => (await import('@/app/(staff)/occupancy/export/route')).GET(request);

const NOW = new Date('2026-10-26T12:00:00Z');
const since = new Date('2026-10-20T10:00:00Z');
const shelter = makeShelter(db, { name: 'Fatih House', district: 'Fatih', status: 'open', listedPublicly: true, createdAt: since });
makeRoom(db, shelter.id, 'mixed', 2);
// Two shelters that chose not to be on the public list.
const quiet = makeShelter(db, { name: 'Quiet Flat', district: 'Kadıköy', status: 'open', createdAt: since });
makeRoom(db, quiet.id, 'women', 3);
const back = makeShelter(db, { name: 'Back Room', district: 'Üsküdar', status: 'open', createdAt: since });
makeRoom(db, back.id, 'mixed', 1);
// Every bed was there before the file's days, so each day counts it in service.
db.$client.prepare('update beds set created_at = ?').run(since.getTime());
const admin = makeUser(db, 'admin');
// HXL 1.1: a hashtag, then attributes, each a lower-case letter followed by letters, digits or _.
const HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

async function lines(query: string): Promise<string[]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await context.current.signInAs(admin, NOW.getTime() - 1000);
  const response = await exportCsv(
    new Request(`http://localhost:3000/occupancy/export?from=2026-10-24&to=2026-10-25${query}`, { headers: context.current.headers() }),
  );
  expect(response.status).toBe(200);
  return (await response.text())
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

describe('the occupancy CSV with HXL hashtags', () => {
  it('with ?hxl=1, puts a hashtag under each column of the header', async () => {
    const [header, tags, ...rows] = await lines('&hxl=1');
    expect(header).toBe(
      'date,shelter,district,beds_in_service,occupied,reserved,arrivals,check_ins,check_outs,' +
        'unmet_waited_men,unmet_waited_women,unmet_waited_families,no_fit_men,no_fit_women,no_fit_families',
    );
    expect(tags).toBe(
      '#date,#loc+name,#adm2+name,#capacity+beds,#capacity+beds+occupied,#capacity+beds+reserved,' +
        '#reached+hh+placed,#reached+hh+checked_in,#reached+hh+checked_out,' +
        '#inneed+hh+m+waited,#inneed+hh+f+waited,#inneed+hh+families+waited,#inneed+hh+m+no_fit,#inneed+hh+f+no_fit,#inneed+hh+families+no_fit',
    );
    expect(rows[0]).toMatch(/^2026-10-24,Fatih House,Fatih,2,/);
  });

  it('without it, or with any other value, leaves the CSV for staff as it was, every shelter by name', async () => {
    const plain = await lines('');
    expect(plain.filter((line) => line.startsWith('2026-10-24,Fatih House,Fatih,'))).toHaveLength(1);
    expect(plain.filter((line) => /^2026-10-24,(Quiet Flat,Kadıköy|Back Room,Üsküdar),/.test(line))).toHaveLength(2);
    expect(await lines('&hxl=0')).toEqual(plain);
  });

  it('with ?hxl=1, names only shelters on the public list; the others are one unnamed row that keeps the totals', async () => {
    const [, , ...rows] = await lines('&hxl=1');
    const published = rows.join('\n');
    expect(published).not.toMatch(/Quiet Flat|Kadıköy|Back Room|Üsküdar/);
    const day = (name: string) => rows.find((line) => line.startsWith(`2026-10-24,${name},`))!.split(',');
    expect(day('Fatih House').slice(1, 4)).toEqual(['Fatih House', 'Fatih', '2']);
    // Their beds in service, 3 and 1, are counted; where they are is not said.
    expect(day('(other shelters)').slice(1, 4)).toEqual(['(other shelters)', '', '4']);
    expect(rows.filter((line) => line.split(',')[1] === '(other shelters)').map((line) => line.split(',')[0])).toEqual([
      '2026-10-24',
      '2026-10-25',
    ]);
  });

  it('writes every hashtag in HXL syntax, and leaves a column it does not know untagged', () => {
    for (const tag of Object.values(HXL_TAGS)) expect(tag).toMatch(HASHTAG);
    expect(hxlRow(['date', 'something_new', 'city'])).toEqual(['#date', '', '#adm1+name']);
  });
});
