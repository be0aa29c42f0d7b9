import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { placementPage } from '@/lib/households/placement-page';
import { getTranslations } from '@/lib/i18n/server';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { HouseholdCard } from './household-card';
import { HouseholdHead, PlacementSections } from './placement-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('placement'))('title') };
}

export default async function ArrivalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireStaff();
  const now = new Date();
  if (!can(user, 'household.list')) notFound();
  // The caller's own view of the household, or nothing: what they may not act on, they may not open.
  const view = placementPage(
    getDb(),
    user,
    id,
    {
      from: firstParam(query.from),
      to: firstParam(query.to),
      elsewhere: firstParam(query.elsewhere) === '1',
      all: firstParam(query.all) === '1',
      homesAlike: firstParam(query.homes) === 'alike',
    },
    now,
    await getLocale(),
  );
  if (!view) notFound();
  const t = await getTranslations('placement');
  const alias = view.household.identified ? (view.household.alias ?? '—') : (await getTranslations('privacy'))('hidden');
  return (
    <ClientMessages
      namespaces={[
        'account',
        'cityPlaces',
        'errors',
        'household',
        'languages',
        'link',
        'meetingPoints',
        'notices',
        'placement',
        'roomKinds',
        'suggest',
      ]}
    >
      <HouseholdHead view={view} alias={alias} back={t('back')} query={query} />
      <HouseholdCard view={view} />
      <PlacementSections view={view} alias={alias} now={now} />
    </ClientMessages>
  );
}
