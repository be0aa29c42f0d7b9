import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { auditTrailPage } from '@/lib/audit-trail/audit-page';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/search-params';
import { AuditEntryList, AuditFilterForm, AuditPager } from './audit-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'audit.read')) notFound();
  // The filters are read against the admin's own choices of people, shelters and cities (lib/audit-trail/audit-page.ts).
  const view = auditTrailPage(getDb(), user, await searchParams, await getLocale());
  if (!view) notFound();
  const t = await getTranslations('audit');
  return (
    <>
      <h1>{t('title')}</h1>
      {view.problems.length > 0 ? (
        <div className="form-status error" role="alert">
          {view.problems.map((problem) => (
            <p key={problem}>{t(`problem.${problem}`, { pages: view.pages })}</p>
          ))}
        </div>
      ) : null}
      <AuditFilterForm view={view} />
      <p className="muted">{t('count', { total: view.total, page: view.page, pages: view.pages })}</p>
      <AuditEntryList view={view} />
      <AuditPager view={view} />
    </>
  );
}
