import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@/db';
import { makeArrival } from '../support/fixtures';
import { formBytes, type BrowserConnection } from './browser-connection';
import { signInCookie } from './session';
import { percentile, round } from './stats';

// React's own encoder for server action arguments, from Next's compiled copy: the same bytes a browser sends.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The id Next gave a server action at build time, from the build's manifest. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(manifest.node as Record<string, { filename: string; exportedName: string }>)) {
    if (entry.filename === file && entry.exportedName === exportedName) return id;
  }
  throw new Error(`no server action ${file}#${exportedName} in the build`);
}

/**
 * A server action called as the page's script calls it; over the caller's own connection when given
 * (the surge's volunteers), else over Node's shared fetch pool.
 */
export async function callAction(
  baseURL: string,
  page: string,
  id: string,
  cookie: string,
  fields: Record<string, string | string[]>,
  connection?: BrowserConnection,
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  const reply = await encodeReply([{ status: 'idle' }, form]);
  const headers = { 'next-action': id, accept: 'text/x-component', cookie };
  if (connection) {
    const { body, type } = await formBytes(reply);
    const answer = await connection.send(`${baseURL}${page}`, { method: 'POST', headers: { ...headers, 'content-type': type }, body });
    if (answer.status < 200 || answer.status > 299) throw new Error(`action answered ${answer.status}`);
    return answer.text;
  }
  const response = await fetch(`${baseURL}${page}`, { method: 'POST', headers, body: reply });
  const text = await response.text();
  if (!response.ok) throw new Error(`action answered ${response.status}`);
  return text;
}

/**
 * Guides reserving and releasing beds through the real server actions over HTTP, each with its own
 * session, all competing for the same few beds; afterwards the database is checked for double holds.
 */
export async function benchActions(baseURL: string, databasePath: string, options: { guides: number; seconds: number; beds: number }) {
  const { db, sqlite } = openDatabase(databasePath);
  const reserve = actionId('app/(staff)/arrivals/[id]/actions.ts', 'reservePlace');
  const cancel = actionId('app/(staff)/arrivals/[id]/actions.ts', 'cancelReservation');
  // The demo guide holds Istanbul: households waiting there, beds in its shelters.
  const istanbul = sqlite.prepare("select id from cities where slug = 'istanbul'").pluck().get() as string;
  const bedIds = (
    sqlite
      .prepare(
        "select b.id from beds b join rooms r on r.id = b.room_id join shelters s on s.id = r.shelter_id where s.status = 'open' and s.city_id = ? and r.kind = 'mixed' and b.out_of_service_reason is null",
      )
      .all(istanbul) as { id: string }[]
  )
    .map((row) => row.id)
    .slice(0, options.beds);
  const households = Array.from({ length: options.guides }, () => makeArrival(db, { adultMen: 1, adultWomen: 0, cityId: istanbul }).id);
  const cookies = await Promise.all(
    households.map(() => signInCookie(baseURL, 'guide@waystation.test', process.env.DEMO_PASSWORD || 'waystation-demo')),
  );
  const activeStay = sqlite.prepare("select id from stays where arrival_id = ? and status in ('reserved', 'checked_in')");

  const latencies: number[] = [];
  let reserved = 0;
  let conflicts = 0;
  const until = Date.now() + options.seconds * 1000;
  await Promise.all(
    households.map(async (arrivalId, g) => {
      while (Date.now() < until) {
        const bed = bedIds[Math.floor(Math.random() * bedIds.length)];
        let t0 = performance.now();
        const answer = await callAction(baseURL, `/arrivals/${arrivalId}`, reserve, cookies[g], { arrivalId, 'bedIds[]': bed });
        latencies.push(performance.now() - t0);
        const stay = activeStay.get(arrivalId) as { id: string } | undefined;
        if (!stay) {
          if (answer.includes('bedsTaken')) conflicts++;
          continue;
        }
        reserved++;
        t0 = performance.now();
        await callAction(baseURL, `/arrivals/${arrivalId}`, cancel, cookies[g], { stayId: stay.id });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const doubleHolds = sqlite
    .prepare('select count(*) as n from (select bed_id from stay_beds where released_at is null group by bed_id having count(*) > 1)')
    .get() as { n: number };
  sqlite.close();
  return {
    guides: options.guides,
    seconds: options.seconds,
    contested_beds: bedIds.length,
    actions_per_second: round(latencies.length / options.seconds),
    reservations: reserved,
    conflicts,
    p50_ms: round(percentile(latencies, 0.5)),
    p99_ms: round(percentile(latencies, 0.99)),
    double_bookings: doubleHolds.n,
  };
}
