import { and, count, desc, eq, exists, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { offerRanges, offers } from '@/db/schema';
import type { CityScope } from '@/lib/cities/scope';
import { OFFERS_PER_PAGE, OPEN_OFFER_STATUSES, type OffersQuery } from './queue-query';

// LIKE's own wildcards in what was typed are searched for as themselves.
const escaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (column: SQL | typeof offers.note | typeof offers.contact, text: string) =>
  sql`${column} like ${`%${escaped(text)}%`} escape '\\'`;
// A phone typed with other spaces or dashes than stored still finds it.
const contactDigits = sql`replace(replace(replace(replace(replace(${offers.contact}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')`;

/** What the search box finds: a reference ("K7M-3QX", with or without its dash), a phone or handle, or words of the note. */
function searched(q: string): SQL | undefined {
  if (!q) return undefined;
  const bare = q.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const reference = /^[A-Z0-9]{6}$/.test(bare) ? eq(offers.reference, `${bare.slice(0, 3)}-${bare.slice(3)}`) : undefined;
  // Written as one ("K7M-3QX", or with a digit among letters): the reference alone, found by its index.
  if (reference && !q.includes('@') && (/^\w{3}-\w{3}$/.test(q.trim()) || (/\d/.test(bare) && /[A-Z]/.test(bare)))) return reference;
  const digits = q.replace(/[\s().-]/g, '');
  const phone = /^\+?\d{4,}$/.test(digits) ? contains(contactDigits, digits) : undefined;
  const words = q.split(/\s+/).filter(Boolean);
  const note = and(...words.map((word) => contains(offers.note, word)));
  return or(reference, phone, contains(offers.contact, q), note);
}

/**
 * One page of the offers of the caller's cities (or the one chosen), newest first, after the
 * filters and the search, and how many there are in all. Erased offers are listed with the rest of
 * their state, without what was erased.
 */
export function offersInQueue(db: Db, scope: CityScope, cityId: string | null, query: OffersQuery) {
  const where = and(
    cityId ? eq(offers.cityId, cityId) : scope === 'all' ? undefined : inArray(offers.cityId, [...scope]),
    query.status === 'all'
      ? undefined
      : query.status === 'open'
        ? inArray(offers.status, OPEN_OFFER_STATUSES)
        : eq(offers.status, query.status),
    query.kind ? eq(offers.kind, query.kind) : undefined,
    query.capacity ? gte(offers.capacity, query.capacity) : undefined,
    query.on
      ? exists(
          db
            .select({ one: sql`1` })
            .from(offerRanges)
            .where(and(eq(offerRanges.offerId, offers.id), lte(offerRanges.firstNight, query.on), gte(offerRanges.lastNight, query.on))),
        )
      : undefined,
    searched(query.q),
  );
  const total = db.select({ n: count() }).from(offers).where(where).get()!.n;
  const pages = Math.max(1, Math.ceil(total / OFFERS_PER_PAGE));
  const page = Math.min(query.page, pages);
  const rows = db
    .select({
      id: offers.id,
      reference: offers.reference,
      cityId: offers.cityId,
      kind: offers.kind,
      capacity: offers.capacity,
      guests: offers.guests,
      status: offers.status,
      contact: offers.contact,
      createdAt: offers.createdAt,
      erasedAt: offers.erasedAt,
    })
    .from(offers)
    .where(where)
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(OFFERS_PER_PAGE)
    .offset((page - 1) * OFFERS_PER_PAGE)
    .all();
  return { rows, total, page, pages };
}

/** The first range of each offer listed, for its line in the queue. */
export function firstRanges(db: Db, offerIds: string[]) {
  if (offerIds.length === 0) return new Map<string, { firstNight: string; lastNight: string; more: boolean }>();
  const ranges = db
    .select()
    .from(offerRanges)
    .where(inArray(offerRanges.offerId, offerIds))
    .orderBy(offerRanges.offerId, offerRanges.position)
    .all();
  const first = new Map<string, { firstNight: string; lastNight: string; more: boolean }>();
  for (const range of ranges) {
    const seen = first.get(range.offerId);
    if (seen) seen.more = true;
    else first.set(range.offerId, { firstNight: range.firstNight, lastNight: range.lastNight, more: false });
  }
  return first;
}
