import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { statement } from '@/db/prepared';
import { guarded } from '@/lib/security/guard';

export const dynamic = 'force-dynamic';

const answer = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

// SQLite's own table, not the schema's: any readable database has it.
const readSchema = statement(() => sql`select 1 from sqlite_master limit 1`);

/**
 * For a load balancer or a monitor: 200 when this process can read its database, 503 when it
 * cannot. It says nothing else, as anyone may ask. Cheap enough to poll every few seconds, and the
 * cheapest dynamic answer the server gives (the http bench compares pages with it, docs/benchmarks.md).
 */
async function health(): Promise<Response> {
  try {
    readSchema(getDb()).get();
    return answer(200, 'ok');
  } catch {
    return answer(503, 'database unavailable');
  }
}

export const GET = (request: Request) => guarded(request, health);
