import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { shelterStayStamps } from '@/db/schema';

const allStamps = statement(() => sql`select ${shelterStayStamps.shelterId}, ${shelterStayStamps.stamp} from ${shelterStayStamps}`);

/**
 * Every shelter's stay stamp (migration 0010): a new random value whenever its stays, their beds and
 * bed-nights, or a staying household's head count change, on any connection. What is read from those
 * tables per shelter may be kept (lib/cache.ts `Stamped`) while the stamp stands still; read the
 * stamps and the rows in one transaction, so that what is kept is what the stamp stood for. A shelter
 * with no stamp has had no stay written since that migration: '' stands for it.
 */
export function stayStamps(db: Db): (shelterId: string) => string {
  const stamps = new Map(allStamps(db).raw().all() as [string, string][]);
  return (shelterId) => stamps.get(shelterId) ?? '';
}
