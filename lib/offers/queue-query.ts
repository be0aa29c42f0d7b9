import { OFFER_KINDS, OFFER_STATUSES, type OfferKind, type OfferStatus } from '@/db/schema/enums';
import { requestedPage } from '@/lib/paging';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { isoDay } from '@/lib/validation/common';
import { MAX_OFFER_CAPACITY } from '@/lib/validation/offer';

/** The offers still in play: what the queue shows unless a state is chosen. */
export const OPEN_OFFER_STATUSES: OfferStatus[] = ['new', 'contacted', 'verified', 'active', 'paused'];
export const OFFERS_PER_PAGE = 25;

export type OffersQuery = {
  status: OfferStatus | 'open' | 'all';
  /** A city's slug, among the caller's. */
  city: string | null;
  kind: OfferKind | null;
  /** Takes at least this many people. */
  capacity: number | null;
  /** Available on this night. */
  on: string | null;
  q: string;
  page: number;
};

/** The queue's filters from the address; anything not understood is left out, never an error. */
export function offersQuery(params: SearchParams): OffersQuery {
  const read = (name: string) => firstParam(params[name])?.trim() ?? '';
  const status = read('status');
  const kind = read('kind');
  const capacity = Number(read('capacity'));
  const on = read('on');
  return {
    status: (OFFER_STATUSES as readonly string[]).includes(status) || status === 'all' ? (status as OffersQuery['status']) : 'open',
    city: /^[a-z0-9-]{1,40}$/.test(read('city')) ? read('city') : null,
    kind: (OFFER_KINDS as readonly string[]).includes(kind) ? (kind as OfferKind) : null,
    capacity: Number.isInteger(capacity) && capacity >= 1 && capacity <= MAX_OFFER_CAPACITY ? capacity : null,
    on: isoDay.safeParse(on).success ? on : null,
    q: read('q').slice(0, 60),
    page: requestedPage(firstParam(params.page)).page,
  };
}
