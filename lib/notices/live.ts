import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared, valueOf } from '@/db/prepared';
import { notices, noticeTexts } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { cityScopeOf } from '@/lib/cities/scope';
import type { NoticeLocale } from '@/lib/notices/limits';
import { mayWithdrawNotice } from './access';

/** A notice as a guest's page shows it: where it comes from, when it ends, its texts. No author. */
export type LiveNotice = { id: string; scope: 'shelter' | 'city'; endsAt: Date; texts: { locale: NoticeLocale; text: string }[] };

// Read on every opening of an arrival's link: compiled once per connection. The city's notices
// come first (the network speaking), then the shelter's, each oldest first.
const liveRows = (db: Db) =>
  db
    .select({ id: notices.id, shelterId: notices.shelterId, endsAt: notices.endsAt, locale: noticeTexts.locale, text: noticeTexts.text })
    .from(notices)
    .innerJoin(noticeTexts, eq(noticeTexts.noticeId, notices.id))
    .where(
      and(
        or(eq(notices.shelterId, sql.placeholder('shelterId')), eq(notices.cityId, sql.placeholder('cityId'))),
        isNull(notices.withdrawnAt),
        gt(notices.endsAt, valueOf(notices.endsAt, 'now')),
      ),
    )
    .orderBy(sql`${notices.shelterId} is not null`, asc(notices.createdAt), asc(notices.id))
    .prepare();

type Row = { id: string; shelterId: string | null; endsAt: Date; locale: NoticeLocale; text: string };

function grouped(rows: Row[]): LiveNotice[] {
  const byId = new Map<string, LiveNotice>();
  for (const row of rows) {
    let notice = byId.get(row.id);
    if (!notice) byId.set(row.id, (notice = { id: row.id, scope: row.shelterId ? 'shelter' : 'city', endsAt: row.endsAt, texts: [] }));
    notice.texts.push({ locale: row.locale, text: row.text });
  }
  return [...byId.values()];
}

/** The notices live at `now` for a shelter's guests: its own and its city's. */
export function liveNotices(db: Db, place: { shelterId: string | null; cityId: string | null }, now: Date): LiveNotice[] {
  // An empty id matches no row: a request still waiting has a city but no shelter.
  return grouped(prepared(db, liveRows).all({ shelterId: place.shelterId ?? '', cityId: place.cityId ?? '', now }) as Row[]);
}

export type ManagedNotice = LiveNotice & { mayWithdraw: boolean; cityId: string | null };

/** The live notices a shelter's page lists for its hosts and admins, each saying whether the caller may take it down. */
export function shelterNoticesFor(db: Db, user: StaffUser, shelter: { id: string; cityId: string | null }, now: Date): ManagedNotice[] {
  const live = liveNotices(db, { shelterId: shelter.id, cityId: shelter.cityId }, now);
  return withPermissions(db, user, live, shelter);
}

/** The live city notices of the cities an admin holds, for the city notices page. */
export function cityNoticesFor(db: Db, user: StaffUser, now: Date): ManagedNotice[] {
  if (!can(user, 'notice.postCity')) return [];
  const scope = cityScopeOf(user);
  const rows = db
    .select({ id: notices.id, shelterId: notices.shelterId, endsAt: notices.endsAt, locale: noticeTexts.locale, text: noticeTexts.text })
    .from(notices)
    .innerJoin(noticeTexts, eq(noticeTexts.noticeId, notices.id))
    .where(
      and(
        scope === 'all' ? sql`${notices.cityId} is not null` : inArray(notices.cityId, [...scope]),
        isNull(notices.withdrawnAt),
        gt(notices.endsAt, now),
      ),
    )
    .orderBy(asc(notices.endsAt), asc(notices.id))
    .all() as Row[];
  return withPermissions(db, user, grouped(rows), null);
}

function withPermissions(
  db: Db,
  user: StaffUser,
  live: LiveNotice[],
  shelter: { id: string; cityId: string | null } | null,
): ManagedNotice[] {
  if (live.length === 0) return [];
  const meta = db
    .select({ id: notices.id, createdBy: notices.createdBy, shelterId: notices.shelterId, cityId: notices.cityId })
    .from(notices)
    .where(
      inArray(
        notices.id,
        live.map((n) => n.id),
      ),
    )
    .all();
  const byId = new Map(meta.map((row) => [row.id, row]));
  return live.map((notice) => {
    const row = byId.get(notice.id)!;
    return { ...notice, cityId: row.cityId, mayWithdraw: mayWithdrawNotice(user, row, row.shelterId ? shelter : null) };
  });
}
