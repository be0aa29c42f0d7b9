import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { LANGUAGES } from '@/lib/validation/shelter-options';

type Language = (typeof LANGUAGES)[number];

/** How far back the intake looks to learn which languages the network's guides tick most. */
export const LANGUAGE_WINDOW_MS = 30 * 24 * 3600_000;
/** The boxes shown at once on the intake; the rest sit behind "More languages". */
export const SHOWN_LANGUAGES = 4;

/** Every language, the most ticked first; ties and languages nobody ticked keep the usual order. */
export function orderByUse(counts: Partial<Record<string, number>>): Language[] {
  return [...LANGUAGES].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || LANGUAGES.indexOf(a) - LANGUAGES.indexOf(b));
}

/**
 * The intake's language order: the languages guides registered in the last 30 days' households, most
 * first. Self-registered requests are left out: the order serves the guides' own intake.
 */
export function languagesByUse(db: Db, now: Date): Language[] {
  const rows = db
    .select({ languages: arrivals.languages })
    .from(arrivals)
    .where(
      and(
        isNotNull(arrivals.registeredBy),
        eq(arrivals.selfRegistered, false),
        gte(arrivals.createdAt, new Date(now.getTime() - LANGUAGE_WINDOW_MS)),
      ),
    )
    .all();
  const counts: Record<string, number> = {};
  for (const row of rows) for (const language of row.languages) counts[language] = (counts[language] ?? 0) + 1;
  return orderByUse(counts);
}
