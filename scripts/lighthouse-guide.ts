import { sql } from 'drizzle-orm';
import { openDatabase } from '../db';
import { arrivals } from '../db/schema';
import { signInCookie } from '../tests/bench/session';
import { DEMO_PASSWORD, startDemoServer } from '../tests/support/next-server';
import { lighthouseScores } from './lighthouse';

// `npx tsx scripts/lighthouse-guide.ts`: Lighthouse's default mobile audit (simulated slow 4G and a
// 4x slower CPU) of the guide's three screens, signed in as the demo guide on a fresh demo server:
// the queue, the intake form and a waiting household's page.
async function main() {
  const server = await startDemoServer();
  try {
    const { db, sqlite } = openDatabase(server.databasePath);
    const { id } = db.get<{ id: string }>(
      sql`select ${arrivals.id} from ${arrivals} where ${arrivals.status} = 'waiting' order by ${arrivals.arrivedAt} limit 1`,
    );
    sqlite.close();
    const cookie = await signInCookie(server.baseURL, 'guide@waystation.test', DEMO_PASSWORD);
    const pages = { queue: '/arrivals', intake: '/arrivals/new', household: `/arrivals/${id}` };
    const scores: Record<string, Record<string, number>> = {};
    for (const [name, path] of Object.entries(pages)) scores[name] = await lighthouseScores(`${server.baseURL}${path}`, { cookie });
    console.log(JSON.stringify(scores, null, 2));
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
