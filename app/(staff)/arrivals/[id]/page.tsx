import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { placementPage } from '@/lib/households/placement-page';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { RegisteredBanner } from '../new/registered-banner';
import {
  cancelReservation,
  changeDates,
  forgetArrival,
  markRegisteredByMistake,
  moveHousehold,
  renewArrivalLink,
  renewRequestLink,
  reservePlace,
  revokeArrivalLink,
} from './actions';
import { EndingActions } from './ending';
import { HouseholdCard } from './household-card';
import { RequestLink } from './request-link';
import { StayStatusLine } from './status-line';
import { ArrivalWorkspace } from './workspace';

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
    },
    now,
    await getLocale(),
  );
  if (!view) notFound();
  const { household, current, stay } = view;
  const t = await getTranslations('placement');
  const alias = household.identified ? (household.alias ?? '—') : (await getTranslations('privacy'))('hidden');
  return (
    <>
      <p className="breadcrumb">
        <Link href="/arrivals">← {t('back')}</Link>
      </p>
      <h1>{alias}</h1>
      <StayStatusLine stay={stay} />
      <RegisteredBanner query={query} waiting={household.status === 'waiting'} />
      <HouseholdCard view={view} />
      {/* Once placed, the stay's own "new link" issues this link (lib/requests/request-link.ts). */}
      {household.selfRegistered && !stay ? <RequestLink arrivalId={household.id} alias={alias} action={renewRequestLink} /> : null}
      <ArrivalWorkspace
        arrivalId={household.id}
        alias={alias}
        current={stay}
        suggestions={view.suggestions}
        excluded={view.excluded}
        freeRooms={view.freeRooms}
        more={view.more}
        otherPlaces={view.otherPlaces}
        elsewhereHref={view.elsewhereHref}
        nights={view.nights}
        now={now}
        actions={{
          reserve: reservePlace,
          move: moveHousehold,
          cancel: cancelReservation,
          renew: renewArrivalLink,
          revoke: revokeArrivalLink,
          dates: changeDates,
        }}
      />
      <EndingActions
        arrivalId={household.id}
        mayMarkMistaken={household.status === 'waiting' || current?.status === 'reserved'}
        checkedIn={current?.status === 'checked_in'}
        actions={{ mistaken: markRegisteredByMistake, forget: forgetArrival }}
      />
    </>
  );
}
