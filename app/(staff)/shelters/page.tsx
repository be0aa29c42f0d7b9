import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { PageAskedFor, Pager } from '@/components/pager';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { getTranslations } from '@/lib/i18n/server';
import { requestedPage } from '@/lib/paging';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { shelterListPage } from '@/lib/shelters/list-page';
import { NewShelterSection, ShelterCards } from './shelter-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shelters'))('title') };
}

export default async function SheltersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  const { page: requested, badPage } = requestedPage(firstParam((await searchParams).page));
  const now = new Date();
  const view = shelterListPage(getDb(), user, requested, now, await getLocale());
  const { list } = view;
  const t = await getTranslations('shelters');
  return (
    <ClientMessages namespaces={['account', 'errors', 'notices', 'shelters']}>
      <h1>{view.isHost ? t('yourShelters') : t('title')}</h1>
      {list.total === 0 ? <p className="empty">{view.isHost ? t('emptyHost') : t('empty')}</p> : null}
      <PageAskedFor badPage={badPage} pageOutOfRange={list.pageOutOfRange} pages={list.pages} />
      <ShelterCards view={view} now={now} />
      <Pager page={list.page} pages={list.pages} hrefOf={(page) => (page > 1 ? `/shelters?page=${page}` : '/shelters')} />
      {view.newShelter ? <NewShelterSection choice={view.newShelter} /> : null}
    </ClientMessages>
  );
}
