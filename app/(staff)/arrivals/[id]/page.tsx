import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { HouseholdCityLine } from '@/components/household-city-line';
import { HouseholdLine } from '@/components/household-line';
import Link from '@/components/link';
import { ActionButton } from '@/components/ui/action-button';
import { getDb, write } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { listCities } from '@/lib/cities/cities';
import { cityTimeZone } from '@/lib/cities/clock';
import { householdCityNames } from '@/lib/cities/household';
import { householdForCaller, type StayView } from '@/lib/households/queries';
import { membersOf, roomAdmits } from '@/lib/matching/plan';
import { asksSafeRoom } from '@/lib/matching/safe-rooms';
import { suggestPlacements, type Suggestion } from '@/lib/matching/suggest';
import { householdMeetingPoint, whereaboutsOf } from '@/lib/meeting-points/household';
import { listMeetingPoints, pointIsIn } from '@/lib/meeting-points/points';
import { tonightIn } from '@/lib/nights/calendar';
import { nightsFromQuery, nightsToSearch } from '@/lib/nights/wanted';
import { recordNoFit } from '@/lib/occupancy/unmet';
import { householdCities, placeGroups } from '@/lib/placement/city-places';
import { elsewhereCities } from '@/lib/placement/city-rule';
import { applyExpiry } from '@/lib/placement/read';
import { REVEAL_MINUTES } from '@/lib/privacy/shares';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { roomNameLookup } from '@/lib/shelters/room-names';
import { RegisteredBanner } from '../new/registered-banner';
import {
  cancelReservation,
  changeDates,
  forgetArrival,
  markRegisteredByMistake,
  markRequestNotGenuine,
  moveHousehold,
  renewArrivalLink,
  renewRequestLink,
  reservePlace,
  revealArrival,
  revokeArrivalLink,
} from './actions';
import { EndingActions } from './ending';
import { chooseMeetingPoint } from './meeting-point-actions';
import { MeetingPointForm } from './meeting-point-form';
import { RequestLink } from './request-link';
import { StayStatusLine } from './status-line';
import { ArrivalWorkspace } from './workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('placement'))('title') };
}

const withoutHousehold = ({ household: _shownAbove, ...stay }: StayView) => stay;

// A guide on a phone chooses among the first few places; the rest are one tap away. Listing every
// shelter with every free bed made this page too heavy for a surge (the surge bench, docs/benchmarks.md).
const SHOWN_SUGGESTIONS = 5;

export default async function ArrivalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const showAll = firstParam(query.all) === '1';
  const user = await requireStaff();
  if (!can(user, 'household.list')) notFound();
  const db = getDb();
  const now = new Date();
  applyExpiry(db, now);
  // The caller's own view of the household, or nothing: what they may not act on, they may not open.
  const locale = await getLocale();
  const found = householdForCaller(db, user, id, now, locale);
  if (!found) notFound();
  const { household, current } = found;
  // The workspace shows the stay; the household is shown above it already.
  const stay = current ? withoutHousehold(current) : null;
  const privacy = await getTranslations('privacy');
  const t = await getTranslations('placement');
  const format = await getFormatter();
  const languageNames = await getTranslations('languages');
  const requests = await getTranslations('requests');
  const intake = await getTranslations('intake');
  const clockName = (city: string | null) => (city ? intake('clockOf', { city }) : intake('clockLocal'));

  // The nights to find beds for: the guide's dates, else the household's own (expected arrival, nights
  // asked for); a stay being moved needs the nights it has left, to a departure the guide may change.
  const cityOf = householdCities(db, household.id);
  const timeZone = cityTimeZone(db, cityOf.cityId);
  const tonight = tonightIn(timeZone, now);
  const searched = current
    ? { firstNight: current.firstNight > tonight ? current.firstNight : tonight, departure: current.departure }
    : nightsToSearch(db, { ...household, cityId: cityOf.cityId }, now);
  const asked = nightsFromQuery(current ? undefined : firstParam(query.from), firstParam(query.to), searched, tonight);
  // Its own city's shelters, where it is going, and other cities' only when the guide asks (?elsewhere=1).
  const cityList = listCities(db, locale);
  const elsewhereIds = cityOf.cityId
    ? elsewhereCities(
        user,
        cityOf,
        cityList.map((city) => city.id),
      )
    : [];
  const showElsewhere = firstParam(query.elsewhere) === '1' && elsewhereIds.length > 0;
  const needs = { ...household.composition, languages: household.languages };
  const groups = placeGroups(db, cityOf, {
    nights: asked.range,
    exceptStayId: current?.id ?? null,
    elsewhere: showElsewhere ? elsewhereIds : [],
    menBookedAt: asksSafeRoom(needs) ? now : undefined,
  });
  const network = groups.flatMap((group) => group.network);
  const whereabouts = whereaboutsOf(db, household.id, locale);
  const [ranked, ...otherRanked] = groups.map((group) => ({
    ...group,
    ...suggestPlacements(group.network, needs, now, asked.range, whereabouts),
  }));
  // Where they may be now: the points of the household's own city (that the guide holds).
  const meetingPoints = listMeetingPoints(db, user, locale).filter((point) => pointIsIn(point, cityOf.cityId));
  // Unmet demand: a waiting household for whose own nights no shelter fits (not for dates a guide is trying).
  if (
    household.status === 'waiting' &&
    !query.from &&
    !query.to &&
    [ranked, ...otherRanked].every((group) => group.kind === 'elsewhere' || group.suggestions.length === 0)
  ) {
    write(db, (tx) => recordNoFit(tx, { id: household.id, cityId: cityOf.cityId, ...household.composition }, now));
  }
  // When moving, the plan that keeps them where they are is no move at all.
  const currentBeds = new Set(current?.beds.map((bed) => bed.bedId) ?? []);
  const possibleOf = (list: Suggestion[]) =>
    list.filter((s) => !(currentBeds.size > 0 && s.beds.length === currentBeds.size && s.beds.every((bed) => currentBeds.has(bed.bedId))));
  const possible = possibleOf(ranked.suggestions);
  // Rooms named in the screen's language where their host gave them such a name.
  const roomName = roomNameLookup(
    db,
    network.flatMap((shelter) => shelter.rooms),
    locale,
  );
  const named = (list: Suggestion[]) =>
    (showAll ? list : list.slice(0, SHOWN_SUGGESTIONS)).map((s) => ({
      ...s,
      beds: s.beds.map((bed) => ({ ...bed, roomName: roomName(bed.roomId, bed.roomName) })),
      reasons: s.reasons.map((reason) =>
        reason.code === 'menBooked' ? { ...reason, room: roomName(reason.roomId, reason.room) } : reason,
      ),
    }));
  const suggestions = named(possible);
  const cityName = (cityId: string | null) => cityList.find((city) => city.id === cityId)?.name ?? null;
  const otherPlaces = otherRanked.map((group) => ({
    kind: group.kind,
    city: cityName(group.cityId),
    suggestions: named(possibleOf(group.suggestions)),
  }));
  const shown = new Set([...suggestions, ...otherPlaces.flatMap((group) => group.suggestions)].map((s) => s.shelterId));
  const excluded = ranked.excluded;
  const members = membersOf(needs);
  const freeRooms = Object.fromEntries(
    network
      .filter((shelter) => shown.has(shelter.id))
      .map((shelter) => [
        shelter.id,
        shelter.rooms
          .filter((room) => room.freeBeds.length > 0 && members.some((m) => roomAdmits(room.kind, m, shelter.acceptsFamilies)))
          .map((room) => ({ id: room.id, name: roomName(room.id, room.name), beds: room.freeBeds })),
      ]),
  );
  const dates: Record<string, string> = query.from || query.to ? { from: asked.range.firstNight, to: asked.range.departure } : {};
  const elsewhereHref =
    elsewhereIds.length > 0 && !showElsewhere
      ? `/arrivals/${household.id}?${new URLSearchParams({ ...dates, elsewhere: '1' })}#elsewhere-title`
      : null;
  const alias = household.identified ? (household.alias ?? '—') : privacy('hidden');
  return (
    <>
      <p className="breadcrumb">
        <Link href="/arrivals">← {t('back')}</Link>
      </p>
      <h1>{alias}</h1>
      <StayStatusLine stay={stay} />
      <RegisteredBanner query={query} waiting={household.status === 'waiting'} />
      <section className="card household" aria-label={t('household')}>
        <HouseholdLine household={household.composition} />
        <HouseholdCityLine cities={householdCityNames(db, household.id, locale)} />
        {household.languages.length > 0 ? <p>{household.languages.map((l) => languageNames(l)).join(', ')}</p> : null}
        {household.needNote ? <p className="need-note">{household.needNote}</p> : null}
        {household.expectedAt ? (
          <p>
            {t('expectedLanding', {
              time: format.dateTime(household.expectedAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
              clock: clockName(cityName(cityOf.cityId)),
            })}
          </p>
        ) : null}
        {meetingPoints.length > 0 ? (
          <MeetingPointForm
            action={chooseMeetingPoint}
            arrivalId={household.id}
            points={meetingPoints}
            current={householdMeetingPoint(db, household.id)?.id ?? null}
          />
        ) : null}
        {household.contact ? (
          <p>
            {t('contact')}: {household.contact}
          </p>
        ) : null}
        {household.identified ? null : (
          <>
            <p className="muted">{privacy('hiddenHint', { minutes: REVEAL_MINUTES })}</p>
            <ActionButton
              action={revealArrival}
              fields={{ arrivalId: household.id }}
              label={privacy('reveal')}
              confirm={privacy('revealConfirm')}
            />
          </>
        )}
        {household.selfRegistered ? (
          <>
            <p>
              <span className="badge">{requests('selfRegistered')}</span> {requests('selfRegisteredHint')}
            </p>
            {household.status === 'waiting' ? (
              <ActionButton
                action={markRequestNotGenuine}
                fields={{ arrivalId: household.id }}
                label={requests('notGenuine')}
                confirm={requests('notGenuineConfirm')}
              />
            ) : null}
          </>
        ) : null}
      </section>
      {/* Once placed, the stay's own "new link" issues this link (lib/requests/request-link.ts). */}
      {household.selfRegistered && !stay ? <RequestLink arrivalId={household.id} alias={alias} action={renewRequestLink} /> : null}
      <ArrivalWorkspace
        arrivalId={household.id}
        alias={alias}
        current={stay}
        suggestions={suggestions}
        excluded={excluded}
        freeRooms={freeRooms}
        more={
          suggestions.length < possible.length
            ? {
                count: possible.length,
                href: `/arrivals/${household.id}?${new URLSearchParams({ ...dates, ...(showElsewhere ? { elsewhere: '1' } : {}), all: '1' })}`,
              }
            : null
        }
        otherPlaces={otherPlaces}
        elsewhereHref={elsewhereHref}
        nights={{ ...asked.range, error: asked.error ?? null, chosen: !!(query.from || query.to) }}
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
