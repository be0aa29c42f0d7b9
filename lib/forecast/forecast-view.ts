import 'server-only';
import type { Db } from '@/db';
import { loadForecastInput } from './load';
import { forecast } from './maths';
import { networkNights, shelterNights } from './view';

/**
 * The next nights as guides and admins read them: whole beds and head counts, nothing about any
 * household. `cityIds` narrows beds and demand alike to those cities (null: the network, for
 * all-city staff only); `shelters`, when named, adds each one's expected free beds.
 */
export function forecastView(
  db: Db,
  now: Date,
  { cityIds = null, shelters = [] }: { cityIds?: readonly string[] | null; shelters?: { id: string; name: string }[] },
) {
  const result = forecast(loadForecastInput(db, now, { cityIds }));
  return { nights: networkNights(result), shelters: shelters.length > 0 ? shelterNights(result, shelters) : [] };
}

export type ForecastView = ReturnType<typeof forecastView>;
