import type { createFormatter } from 'next-intl';
import en from '@/lib/i18n/messages/en.json';
import type { AuditEntry } from './entries';

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Format = Pick<ReturnType<typeof createFormatter>, 'dateTimeRange'>;

/** The actions the trail has words for: every action Waystation records (messages `audit.entry.*`). */
const flatten = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value as object, `${prefix}${key}.`),
  );
export const WORDED_ACTIONS: ReadonlySet<string> = new Set(flatten(en.audit.entry).filter((key) => key !== 'other'));

// A stay's nights as days of its city: "7–9 Dec", the departure morning last.
const dayOf = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The message key (under `audit`) and values of an entry's sentence. The actor is the `who` tag's
 * text, so the page can make it a link; an action with no words of its own is named as recorded.
 */
export function entryWords(t: Translate, format: Format, entry: AuditEntry): { key: string; values: Record<string, string | number> } {
  const { who } = entry;
  const actor =
    who.kind === 'guest'
      ? t('who.guest')
      : who.kind === 'system'
        ? t('who.system')
        : who.name
          ? t('who.named', { role: who.role, name: who.name })
          : t('who.unnamed', { role: who.role });
  const values: Record<string, string | number> = {
    actor,
    shelter: entry.shelter?.name ?? t('gone'),
    staff: entry.staff?.name ?? t('gone'),
    beds: entry.beds ?? 0,
    dates: entry.nights
      ? format.dateTimeRange(dayOf(entry.nights.first), dayOf(entry.nights.departure), { day: 'numeric', month: 'short', timeZone: 'UTC' })
      : '',
    action: entry.action,
  };
  return WORDED_ACTIONS.has(entry.action) ? { key: `entry.${entry.action}`, values } : { key: 'entry.other', values };
}
