import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import Link from '@/components/link';
import { getDb } from '@/db';
import { auditEntries } from '@/lib/audit-trail/entries';
import { AUDIT_KINDS } from '@/lib/audit-trail/kinds';
import { auditChoices, auditPage, auditReach, parseAuditFilters } from '@/lib/audit-trail/trail';
import { entryWords } from '@/lib/audit-trail/words';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'audit.read')) notFound();
  const db = getDb();
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const locale = await getLocale();
  // An admin of some cities reads only the events about their cities (lib/audit-trail/trail.ts auditReach).
  const reach = auditReach(db, user);
  const choices = auditChoices(db, reach, locale);
  const { filters, page, problems } = parseAuditFilters(await searchParams, choices);
  const result = auditPage(db, filters, page, reach);
  const entries = auditEntries(db, result.rows, reach, new Map(choices.cities.map((city) => [city.id, city.name])));
  const pageHref = (n: number) => `/audit?${new URLSearchParams({ ...(filters as Record<string, string>), page: String(n) })}`;
  const allProblems = result.pageOutOfRange ? [...problems, 'pageOutOfRange' as const] : problems;
  const translate = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  return (
    <>
      <h1>{t('title')}</h1>
      {allProblems.length > 0 ? (
        <div className="form-status error" role="alert">
          {allProblems.map((problem) => (
            <p key={problem}>{t(`problem.${problem}`, { pages: result.pages })}</p>
          ))}
        </div>
      ) : null}
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
      <p className="muted">{t('count', { total: result.total, page: result.page, pages: result.pages })}</p>
      {entries.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ol className="audit-entries" aria-label={t('entries')}>
          {entries.map((entry) => {
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
      )}
      {result.pages > 1 ? (
        <nav aria-label={t('pages')} className="pager">
          {result.page > 1 ? <Link href={pageHref(result.page - 1)}>{t('newer')}</Link> : null}
          <span>{t('pageOf', { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages ? <Link href={pageHref(result.page + 1)}>{t('older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

/** Links to what the entry is about, while it is there: the household (for the guest's own actions, their name links it), the shelter, the staff member. */
function RecordLinks({ entry, householdLabel }: { entry: ReturnType<typeof auditEntries>[number]; householdLabel: string }) {
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
