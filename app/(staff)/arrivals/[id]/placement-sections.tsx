import Link from '@/components/link';
import type { placementPage } from '@/lib/households/placement-page';
import type { SearchParams } from '@/lib/search-params';
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
import { HomesRanking } from './homes-ranking';
import { RequestLink } from './request-link';
import { StayStatusLine } from './status-line';
import { ArrivalWorkspace } from './workspace';

type View = NonNullable<ReturnType<typeof placementPage>>;
type Props = { view: View; alias: string };

/** The way back to the queue, who this is, where their stay stands, and (right after an intake) what next. */
export function HouseholdHead({ view, alias, back, query }: Props & { back: string; query: SearchParams }) {
  return (
    <>
      <p className="breadcrumb">
        <Link href="/arrivals">← {back}</Link>
      </p>
      <h1>{alias}</h1>
      <StayStatusLine stay={view.stay} />
      <RegisteredBanner query={query} waiting={view.household.status === 'waiting'} />
    </>
  );
}

/** Where the household may go and what may be done about their stay, then the ways the registration ends. */
export function PlacementSections({ view, alias, now }: Props & { now: Date }) {
  const { household, current, stay } = view;
  return (
    <>
      {/* Once placed, the stay's own "new link" issues this link (lib/requests/request-link.ts). */}
      {household.selfRegistered && !stay ? <RequestLink arrivalId={household.id} alias={alias} action={renewRequestLink} /> : null}
      {view.homes ? <HomesRanking homes={view.homes} /> : null}
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
