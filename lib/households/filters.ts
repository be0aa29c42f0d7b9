import type { Role } from '@/db/schema';
import { roleMay } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import type { CityView } from '@/lib/cities/cities';
import { cityScopeOf } from '@/lib/cities/scope';
import { firstParam, type SearchParams } from '@/lib/search-params';
import type { Composition } from './views';

// The queue's search and filters, read from the page's query string (a GET form and plain links, so
// they work without JavaScript). Each kind is defined here once, for the page and its tests.

export const QUEUE_KINDS = ['men', 'women', 'families', 'wheelchair', 'online', 'ahead'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
export const QUEUE_VIEWS = ['waiting', 'placed'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** How many cards the page shows at first, and how many more each "show more" adds. */
export const QUEUE_PAGE = 50;
const MAX_SHOWN = 5_000;
const MAX_SEARCH = 40;
const MAX_SLUG = 60;

/** `city`: a city's slug, as asked for; queueCities says whether it is one the caller may look at. */
export type QueueQuery = { view: QueueView; kind: QueueKind | null; q: string; shown: number; city: string | null };

/** What the filters look at: a household as the caller receives it, and for a reservation its first night. */
export type Filterable = {
  alias: string | null;
  composition: Composition;
  selfRegistered: boolean;
  arrivedAt: Date;
  expectedAt: Date | null;
  firstNight?: string;
};

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : null;

/**
 * The query string, made safe: an unknown view or kind is none, `shown` is a whole number of pages.
 * Search by alias is for guides only: an admin sees no names, so an admin's `q` is dropped rather
 * than let them find out by elimination whether a name is in the queue.
 */
export function queueQuery(params: SearchParams, role: Role): QueueQuery {
  const view = oneOf(QUEUE_VIEWS, firstParam(params.view)) ?? 'waiting';
  const kind = oneOf(QUEUE_KINDS, firstParam(params.kind));
  const q = roleMay(role, 'household.search') ? (firstParam(params.q) ?? '').trim().slice(0, MAX_SEARCH) : '';
  const asked = Number.parseInt(firstParam(params.shown) ?? '', 10);
  const shown = Number.isFinite(asked) && asked > QUEUE_PAGE ? Math.min(MAX_SHOWN, Math.ceil(asked / QUEUE_PAGE) * QUEUE_PAGE) : QUEUE_PAGE;
  const city = (firstParam(params.city) ?? '').trim().slice(0, MAX_SLUG) || null;
  return { view, kind, q, shown, city };
}

export type QueueCities = {
  /** The cities the caller may narrow the queue to, when they hold more than one; else none. */
  choices: CityView[];
  /** The city chosen, if it is one of the caller's. */
  chosen: CityView | null;
  /** The city the queue shows, named in its heading: the one chosen, or the caller's only one. */
  shown: CityView | null;
  /** A city was asked for that is unknown or not the caller's: ignored, and the page says so. */
  ignored: boolean;
};

/** The caller's cities and the one the query string chose of them; anything else is ignored. */
export function queueCities(user: Pick<StaffUser, 'role' | 'cityIds'>, cities: CityView[], slug: string | null): QueueCities {
  const scope = cityScopeOf(user);
  const held = scope === 'all' ? cities : cities.filter((city) => scope.includes(city.id));
  const chosen = slug ? (held.find((city) => city.slug === slug) ?? null) : null;
  // The city the queue is of: the one chosen, or the caller's only one; none while it shows several.
  const shown = chosen ?? (held.length === 1 ? held[0] : null);
  return { choices: held.length > 1 ? held : [], chosen, shown, ignored: !!slug && !chosen };
}

/**
 * The kinds, precisely:
 * - men: adult men only (one or more), no women, no children; women: the same for women;
 * - families: any household with children, or adults of both sexes (a couple is a family: it cannot
 *   go to a men's or a women's dorm, which is what a guide filtering in a surge needs to know);
 * - wheelchair: someone needs wheelchair access;
 * - online: asked for a place through the public form (self-registered);
 * - ahead: registered before landing (expected, or said to arrive, later than now), or a reservation
 *   whose first night is after tonight.
 */
export function isKind(household: Filterable, kind: QueueKind, now: Date, tonight: string): boolean {
  const { adultMen, adultWomen, children, needsWheelchair } = household.composition;
  switch (kind) {
    case 'men':
      return adultMen > 0 && adultWomen === 0 && children === 0;
    case 'women':
      return adultWomen > 0 && adultMen === 0 && children === 0;
    case 'families':
      return children > 0 || (adultMen > 0 && adultWomen > 0);
    case 'wheelchair':
      return needsWheelchair;
    case 'online':
      return household.selfRegistered;
    case 'ahead': {
      const lands = Math.max(household.arrivedAt.getTime(), household.expectedAt?.getTime() ?? 0);
      return lands > now.getTime() || (household.firstNight !== undefined && household.firstNight > tonight);
    }
  }
}

/** Letters compared without case or accents: "ömer" finds "Ömer", "elif" finds "Elİf". */
const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether the alias contains what was typed; an unnamed household (erased, or withheld) matches no search. */
export function aliasMatches(alias: string | null, q: string): boolean {
  if (!q) return true;
  return alias !== null && folded(alias).includes(folded(q));
}

/** The entries that pass the search and the kind, in their order. */
export function filterQueue<T extends Filterable>(entries: T[], query: Pick<QueueQuery, 'kind' | 'q'>, now: Date, tonight: string): T[] {
  if (!query.kind && !query.q) return entries;
  const needle = folded(query.q);
  return entries.filter(
    (entry) =>
      (!query.kind || isKind(entry, query.kind, now, tonight)) &&
      (!needle || (entry.alias !== null && folded(entry.alias).includes(needle))),
  );
}

/** The page's own address with some parameters changed; empty ones are left out. */
export function queueHref(query: QueueQuery, change: Partial<QueueQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.view !== 'waiting') params.set('view', next.view);
  if (next.kind) params.set('kind', next.kind);
  if (next.q) params.set('q', next.q);
  if (next.shown > QUEUE_PAGE) params.set('shown', String(next.shown));
  if (next.city) params.set('city', next.city);
  const text = params.toString();
  return text ? `/arrivals?${text}` : '/arrivals';
}
