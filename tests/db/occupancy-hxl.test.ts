import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { HXL_TAGS, hxlRow } from '@/lib/occupancy/hxl';
import { makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { createTestDb } from '../support/test-db';

// The occupancy CSV with ?hxl=1: a row of HXL hashtags under the header, a city column to split it by,
// and totals on rows marked as totals.
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
const istanbul = makeCity(db, 'Istanbul');
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const shelter = makeShelter(db, {
  name: 'Fatih House',
  district: 'Fatih',
  status: 'open',
  listedPublicly: true,
  createdAt: since,
  cityId: istanbul.id,
});
makeRoom(db, shelter.id, 'mixed', 2);
// Two shelters that chose not to be on the public list.
const quiet = makeShelter(db, { name: 'Quiet Flat', district: 'Kadıköy', status: 'open', createdAt: since, cityId: istanbul.id });
makeRoom(db, quiet.id, 'women', 3);
const back = makeShelter(db, { name: 'Back Room', district: 'Üsküdar', status: 'open', createdAt: since, cityId: istanbul.id });
makeRoom(db, back.id, 'mixed', 1);
const kentron = makeShelter(db, {
  name: 'Kentron Hall',
  district: 'Kentron',
  status: 'open',
  listedPublicly: true,
  createdAt: since,
  cityId: yerevan.id,
});
makeRoom(db, kentron.id, 'family', 5);
// Every bed was there before the file's days, so each day counts it in service.
db.$client.prepare('update beds set created_at = ?').run(since.getTime());
const admin = makeUser(db, 'admin');
// HXL 1.1: a hashtag, then attributes, each a lower-case letter followed by letters, digits or _.
const HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

async function download(query: string): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await context.current.signInAs(admin, NOW.getTime() - 1000);
  const response = await exportCsv(
    new Request(`http://localhost:3000/occupancy/export?from=2026-10-24&to=2026-10-25${query}`, { headers: context.current.headers() }),
  );
  expect(response.status).toBe(200);
  // The bytes as sent: Response.text() would drop a byte order mark.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}
const lines = async (query: string) =>
  (await download(query))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

/**
 * What an HXL client does with the file (the reference library, libhxl, is on PyPI, which this machine
 * cannot reach; this follows the HXL 1.1 tagging conventions instead): read RFC 4180 CSV, take the
 * first row whose every non-empty cell is a hashtag as the hashtag row, and key each data cell by its
 * column's hashtag. A byte order mark would stick to the first header cell.
 */
function readHxl(text: string): { tags: string[]; rows: Record<string, string>[] } {
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n')) {
      cell += c;
    } else {
      row.push(c === '\n' ? cell.replace(/\r$/, '') : cell);
      cell = '';
      if (c === '\n') {
        table.push(row);
        row = [];
      }
    }
  }
  const at = table.findIndex((cells) => cells.some(Boolean) && cells.every((c) => c === '' || HASHTAG.test(c)));
  if (at < 0) throw new Error('no hashtag row');
  const tags = table[at];
  return { tags, rows: table.slice(at + 1).map((cells) => Object.fromEntries(tags.flatMap((tag, i) => (tag ? [[tag, cells[i]]] : [])))) };
}

describe('the occupancy CSV with HXL hashtags', () => {
  it('with ?hxl=1, starts with the header itself, no byte order mark, and puts a hashtag under each column', async () => {
    const text = await download('&hxl=1');
    expect(text.charCodeAt(0)).toBe('d'.charCodeAt(0));
    const [header, tags] = text.split('\r\n');
    expect(header).toBe(
      'date,shelter,city,district,beds_in_service,occupied,reserved,arrivals,check_ins,check_outs,' +
        'unmet_waited_men,unmet_waited_women,unmet_waited_families,no_fit_men,no_fit_women,no_fit_families,total',
    );
    expect(tags).toBe(
      '#date,#loc+name,#adm1+name,#adm2+name,#capacity+beds,#capacity+beds+occupied,#capacity+beds+reserved,' +
        '#reached+hh+placed,#reached+hh+checked_in,#reached+hh+checked_out,' +
        '#inneed+hh+m+waited,#inneed+hh+f+waited,#inneed+hh+families+waited,#inneed+hh+m+no_fit,#inneed+hh+f+no_fit,#inneed+hh+families+no_fit,' +
        '#meta+total',
    );
  });

  it('is read by an HXL client and split by city on #adm1, each city with its shelters and its own total', async () => {
    const { rows } = readHxl(await download('&hxl=1'));
    const byCity = new Map<string, Record<string, string>[]>();
    for (const row of rows) byCity.set(row['#adm1+name'], [...(byCity.get(row['#adm1+name']) ?? []), row]);
    expect([...byCity.keys()].sort()).toEqual(['', 'Istanbul', 'Yerevan']);
    const day = (city: string, site: string) =>
      byCity.get(city)!.find((row) => row['#date'] === '2026-10-24' && row['#loc+name'] === site)!;
    expect(day('Istanbul', 'Fatih House')).toMatchObject({ '#capacity+beds': '2', '#meta+total': '' });
    expect(day('Istanbul', '(other shelters)')).toMatchObject({ '#capacity+beds': '4', '#adm2+name': '', '#meta+total': '' });
    expect(day('Yerevan', 'Kentron Hall')).toMatchObject({ '#capacity+beds': '5', '#meta+total': '' });
    // The totals name no site and say what they add up.
    expect(day('Istanbul', '')).toMatchObject({ '#capacity+beds': '6', '#meta+total': 'city', '#inneed+hh+f+waited': '0' });
    expect(day('Yerevan', '')).toMatchObject({ '#capacity+beds': '5', '#meta+total': 'city' });
    expect(byCity.get('')!.map((row) => [row['#date'], row['#loc+name'], row['#capacity+beds'], row['#meta+total']])).toEqual([
      ['2026-10-24', '', '11', 'network'],
      ['2026-10-25', '', '11', 'network'],
    ]);
    // Summing the shelter rows (no total mark) gives the network's total, counting nothing twice.
    const shelterBeds = rows.filter((row) => row['#meta+total'] === '' && row['#date'] === '2026-10-24');
    expect(shelterBeds.reduce((sum, row) => sum + Number(row['#capacity+beds']), 0)).toBe(11);
  });

  it('without ?hxl=1, keeps the byte order mark for spreadsheets and names every shelter, with its city', async () => {
    const text = await download('');
    expect(text.startsWith('\uFEFFdate,shelter,city,district,')).toBe(true);
    const plain = await lines('');
    expect(plain.filter((line) => line.startsWith('2026-10-24,Fatih House,Istanbul,Fatih,'))).toHaveLength(1);
    expect(plain.filter((line) => /^2026-10-24,(Quiet Flat,Istanbul,Kadıköy|Back Room,Istanbul,Üsküdar),/.test(line))).toHaveLength(2);
    expect(plain.filter((line) => line.startsWith('2026-10-24,,Istanbul,,6,'))).toHaveLength(1);
    expect(await lines('&hxl=0')).toEqual(plain);
  });

  it('with ?hxl=1, names only shelters on the public list; the others of a city are one unnamed row that keeps its totals', async () => {
    const [, , ...rows] = await lines('&hxl=1');
    expect(rows.join('\n')).not.toMatch(/Quiet Flat|Kadıköy|Back Room|Üsküdar/);
    // Their beds in service, 3 and 1, are counted in Istanbul; where they are is not said.
    expect(rows.filter((line) => line.split(',')[1] === '(other shelters)').map((line) => line.split(',').slice(0, 5))).toEqual([
      ['2026-10-24', '(other shelters)', 'Istanbul', '', '4'],
      ['2026-10-25', '(other shelters)', 'Istanbul', '', '4'],
    ]);
  });

  it('gives one city’s file that city’s shelters and total, and no network total', async () => {
    const { rows } = readHxl(await download('&hxl=1&city=yerevan'));
    expect(rows.map((row) => [row['#adm1+name'], row['#loc+name'], row['#meta+total']])).toEqual([
      ['Yerevan', 'Kentron Hall', ''],
      ['Yerevan', 'Kentron Hall', ''],
      ['Yerevan', '', 'city'],
      ['Yerevan', '', 'city'],
    ]);
  });

  it('writes every hashtag in HXL syntax, and leaves a column it does not know untagged', () => {
    for (const tag of Object.values(HXL_TAGS)) expect(tag).toMatch(HASHTAG);
    expect(hxlRow(['date', 'something_new', 'city'])).toEqual(['#date', '', '#adm1+name']);
  });
});
