import type { ReactNode } from 'react';
import Link from '@/components/link';
import type { AuditTrailPage } from '@/lib/audit-trail/audit-page';
import { AUDIT_KINDS } from '@/lib/audit-trail/kinds';
import { entryWords } from '@/lib/audit-trail/words';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

type Props = { view: AuditTrailPage };

/** The filters as a plain GET form: every view of the trail is a link that can be shared. */
export async function AuditFilterForm({ view }: Props) {
  const { filters, choices } = view;
  const t = await getTranslations('audit');
  return (
    <form method="get" action="/audit" className="card inline-form compact">
      <div className="field">
        <label htmlFor="audit-person">{t('person')}</label>
        <select id="audit-person" name="person" defaultValue={filters.person ?? ''}>
          <option value="">{t('anyone')}</option>
          <option value="guest">{t('guests')}</option>
          <option value="system">{t('systemPerson')}</option>
          {choices.people.map((person) => (
            <option key={person.id} value={person.id}>
              {t('who.named', { role: person.role, name: person.name })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-kind">{t('kind')}</label>
        <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ''}>
          <option value="">{t('anyKind')}</option>
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-city">{t('city')}</label>
        <select id="audit-city" name="city" defaultValue={filters.city ?? ''}>
          <option value="">{t('anyCity')}</option>
          {choices.cities.map((city) => (
            <option key={city.id} value={city.id}>
              {city.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-shelter">{t('shelter')}</label>
        <select id="audit-shelter" name="shelter" defaultValue={filters.shelter ?? ''}>
          <option value="">{t('anyShelter')}</option>
          {choices.shelters.map((shelter) => (
            <option key={shelter.id} value={shelter.id}>
              {shelter.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('from')}</label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('to')}</label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to} />
      </div>
      <button type="submit" className="button primary">
        {t('filter')}
      </button>
    </form>
  );
}

/** The page's events, each in words with who did it, when (on the city's clock) and links to what it is about. */
export async function AuditEntryList({ view }: Props) {
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const translate = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  if (view.entries.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    <ol className="audit-entries" aria-label={t('entries')}>
      {view.entries.map((entry) => {
        const { key, values } = entryWords(translate, format, entry);
        const whoHref = entry.who.kind === 'staff' || entry.who.kind === 'guest' ? entry.who.href : null;
        const time = format.dateTime(new Date(entry.at), { timeZone: entry.timeZone, dateStyle: 'medium', timeStyle: 'short' });
        return (
          <li key={entry.id} className="audit-entry">
            <p className="muted">
              <time dateTime={new Date(entry.at).toISOString()}>{entry.city ? t('timeIn', { time, city: entry.city }) : time}</time>
            </p>
            <p>
              {t.rich(
                key as never,
                {
                  ...(values as Record<string, string | number>),
                  who: (chunks: ReactNode) => (whoHref ? <Link href={whoHref}>{chunks}</Link> : <strong>{chunks}</strong>),
                } as never,
              )}
            </p>
            <RecordLinks entry={entry} householdLabel={t('household')} />
          </li>
        );
      })}
    </ol>
  );
}

/** Newer and older pages, keeping the filters. */
export async function AuditPager({ view }: Props) {
  if (view.pages <= 1) return null;
  const t = await getTranslations('audit');
  const pageHref = (n: number) => `/audit?${new URLSearchParams({ ...(view.filters as Record<string, string>), page: String(n) })}`;
  return (
    <nav aria-label={t('pages')} className="pager">
      {view.page > 1 ? <Link href={pageHref(view.page - 1)}>{t('newer')}</Link> : null}
      <span>{t('pageOf', { page: view.page, pages: view.pages })}</span>
      {view.page < view.pages ? <Link href={pageHref(view.page + 1)}>{t('older')}</Link> : null}
    </nav>
  );
}

/** Links to what the entry is about, while it is there: the household (for the guest's own actions, their name links it), the shelter, the staff member. */
function RecordLinks({ entry, householdLabel }: { entry: AuditTrailPage['entries'][number]; householdLabel: string }) {
  const links = [
    entry.householdHref && entry.who.kind !== 'guest' ? { href: entry.householdHref, label: householdLabel } : null,
    entry.shelter?.href ? { href: entry.shelter.href, label: entry.shelter.name } : null,
    entry.staff ? { href: entry.staff.href, label: entry.staff.name } : null,
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <p className="audit-links">
      {links.map((link) => (
        <Link key={link.href} href={link.href}>
          {link.label}
        </Link>
      ))}
    </p>
  );
}
