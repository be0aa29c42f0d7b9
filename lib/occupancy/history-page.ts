import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { localDay } from '@/lib/calendar/days';
import { occupancyArea } from './area';
import { occupancyHistory } from './history';
import { historyRange } from './range';
import { historyShelters, PICKER_LIMIT, resolveScope, sheltersNamed } from './scope';
import { summarize } from './summary';
import { totalUnmet, unmetByCityFrom, unmetHistory } from './unmet';

/** What the history page's address asks for: a city (id or slug), a shelter by id or by name, and the days. */
export type HistoryQuery = { city?: string; name?: string; shelter?: string; range?: string; from?: string; to?: string };

/** How many shelters a name that matches several lists to choose from. */
const NAMED_SHOWN = 20;

/**
 * The occupancy history for its caller, or null when they may read none (guides). An admin of some
 * cities reads only their cities' shelters and totals, a host only their own shelters; a shelter not
 * theirs is as unknown as one that does not exist. `days` is null when the caller has no shelter to show.
 */
export function historyPage(db: Db, user: StaffUser, query: HistoryQuery, now: Date, locale: string) {
  if (!can(user, 'occupancy.history')) return null;
  const area = occupancyArea(db, user, query.city, locale);
  const choices = historyShelters(db, user, area.cityIds);
  // A large network's form asks for a name instead of offering a thousand options.
  const name = query.name?.trim();
  const named = name ? sheltersNamed(choices, name) : [];
  const requested = name === undefined ? query.shelter : named.length === 1 ? named[0].id : 'network';
  const { scope, timeZone, unknownShelter } = resolveScope(user, choices, requested, area);
  const range = historyRange(query, localDay(now.getTime(), timeZone));
  const mayOverview = can(user, 'occupancy.overview');
  const nameAsked = name ? { name, count: named.length, shelters: named.slice(0, NAMED_SHOWN) } : null;
  const base = { area, mayOverview, nameAsked, unknownShelter, range, timeZone };
  if (!scope) return { ...base, shown: null };
  // Totals over several shelters: the network's, or (for a city or an admin of some cities) the cities'.
  const kind = scope === 'network' ? 'network' : 'cityIds' in scope ? 'cities' : 'shelter';
  const onlyCity = area.city ?? (area.cityIds?.length === 1 ? area.cities.find((city) => city.id === area.cityIds![0]) : undefined);
  const days = occupancyHistory(db, scope, range.from, range.to, now);
  // Households turned away: the network's, or the cities' (counted city by city since migration 0011).
  const cityIds = scope !== 'network' && 'cityIds' in scope ? scope.cityIds : null;
  return {
    ...base,
    shown: {
      kind,
      /** The shelter's id, or 'network' for totals over several shelters (the form's and the export's `shelter`). */
      scopeId: scope !== 'network' && 'shelterId' in scope ? scope.shelterId : 'network',
      /** The shelter's name, or the one city's; null for the network and for several cities. */
      scopeName:
        scope !== 'network' && 'shelterId' in scope
          ? (choices.find((choice) => choice.id === scope.shelterId)?.name ?? null)
          : kind === 'cities'
            ? (onlyCity?.name ?? null)
            : null,
      /** Null when there are too many to list: the form then asks for a name. */
      choices: choices.length > PICKER_LIMIT ? null : choices,
      days,
      summary: summarize(days),
      turnedAway: kind === 'shelter' ? null : totalUnmet(unmetHistory(db, range.from, range.to, now, cityIds)),
      unmetCountedFrom: cityIds ? unmetByCityFrom(db, range.from, range.to) : null,
    },
  };
}

export type HistoryPage = NonNullable<ReturnType<typeof historyPage>>;
