import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPointNames, TEXT_LOCALES, type TextLocale } from '@/db/schema';
import { groupNames, translatedName, type TranslatedNames } from '@/lib/i18n/translated-name';

/** Each point's names by language, for the points asked about. */
export function meetingPointNamesOf(db: Db, pointIds: string[]): Map<string, TranslatedNames> {
  if (pointIds.length === 0) return new Map();
  return groupNames(
    db
      .select({ id: meetingPointNames.meetingPointId, locale: meetingPointNames.locale, name: meetingPointNames.name })
      .from(meetingPointNames)
      .where(inArray(meetingPointNames.meetingPointId, [...new Set(pointIds)]))
      .all(),
  );
}

/** The same points, each named in `locale` where an admin gave it a name in that language. */
export function pointsInLocale<T extends { id: string; name: string }>(db: Db, points: T[], locale: string): T[] {
  const names = meetingPointNamesOf(
    db,
    points.map((point) => point.id),
  );
  return points.map((point) => ({ ...point, name: translatedName(point.name, names.get(point.id), locale) }));
}

/** Replaces a point's names by language; a language left blank has none, and shows the point's own name. */
export function writeMeetingPointNames(db: Db, pointId: string, names: Record<TextLocale, string | null>): void {
  db.delete(meetingPointNames).where(eq(meetingPointNames.meetingPointId, pointId)).run();
  const rows = TEXT_LOCALES.flatMap((locale) => {
    const name = names[locale];
    return name ? [{ meetingPointId: pointId, locale, name }] : [];
  });
  if (rows.length > 0) db.insert(meetingPointNames).values(rows).run();
}
