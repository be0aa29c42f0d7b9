import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/pager';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import { offersQueuePage } from '@/lib/offers/queue-page';
import { offersQuery } from '@/lib/offers/queue-query';
import type { SearchParams } from '@/lib/search-params';
import { OfferFilters, OfferList, queueHref } from './queue-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('offers'))('title') };
}

/** Places offered on /offer, for the staff of their cities to vet. Hosts have no such queue. */
export default async function OffersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'offer.list')) notFound();
  const view = offersQueuePage(getDb(), user, offersQuery(await searchParams), await getLocale());
  if (!view) notFound();
  const t = await getTranslations('offers');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <OfferFilters view={view} />
      <OfferList view={view} />
      <Pager page={view.query.page} pages={view.pages} hrefOf={(page) => queueHref(view.query, page)} />
    </>
  );
}
