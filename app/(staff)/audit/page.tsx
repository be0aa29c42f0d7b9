import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { auditChoices, auditPage, auditReach, parseAuditFilters } from '@/lib/audit/trail';
import { requireStaff } from '@/lib/auth/current-user';
import type { SearchParams } from '@/lib/search-params';
import { NETWORK_TIME_ZONE } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (user.role !== 'admin') notFound();
  const db = getDb();
  const t = await getTranslations('audit');
  const format = await getFormatter();
  // An admin of some cities reads only the events about their cities (lib/audit/trail.ts auditReach).
  const reach = auditReach(db, user);
  const choices = auditChoices(db, reach);
  const { filters, page, problems } = parseAuditFilters(await searchParams, choices);
  const result = auditPage(db, filters, page, NETWORK_TIME_ZONE, reach);
  const pageHref = (n: number) => `/audit?${new URLSearchParams({ ...(filters as Record<string, string>), page: String(n) })}`;
  const allProblems = result.pageOutOfRange ? [...problems, 'pageOutOfRange' as const] : problems;
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
          <label htmlFor="audit-actor">{t('actor')}</label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ''}>
            <option value="">{t('anyone')}</option>
            {choices.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('action')}</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">{t('anyAction')}</option>
            {choices.actions.map((action) => (
              <option key={action} value={action}>
                {action}
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
      {result.rows.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="audit-table">
            <caption className="visually-hidden">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('actor')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('entity')}</th>
                <th scope="col">{t('shelter')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={new Date(row.at).toISOString()}>
                      {format.dateTime(new Date(row.at), { timeZone: NETWORK_TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' })}
                    </time>
                  </td>
                  <td>{row.actor ?? t('system')}</td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>{row.entity}</td>
                  <td>{row.shelter ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
