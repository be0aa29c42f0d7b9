'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { FormState } from '@/lib/forms';
import type { StayView } from '@/lib/households/queries';
import type { Excluded, Suggestion } from '@/lib/matching/suggest';
import { LinkPanel, type Handover } from './link-panel';
import { NightsForm, type AskedNights } from './nights-form';
import { OtherPlaces, type OtherPlace } from './other-places';
import { StayDates } from './stay-dates';
import { SuggestionList, type FreeRoom } from './suggestion-list';

/** The household's stay as the page received it, less the household itself (shown above it). */
export type CurrentStay = Omit<StayView, 'household'>;

type Actions = { reserve: FormAction; move: FormAction; cancel: FormAction; renew: FormAction; revoke: FormAction; dates: FormAction };
type Props = {
  arrivalId: string;
  alias: string;
  current: CurrentStay | null;
  suggestions: Suggestion[];
  excluded: Excluded[];
  freeRooms: Record<string, FreeRoom[]>;
  /** Where the list of every possible place is, when only the first few are shown. */
  more: { count: number; href: string } | null;
  /** The nights the suggestions are for. */
  nights: AskedNights;
  /** Places in the city the household is going to, and in other cities when the guide asked for them. */
  otherPlaces: OtherPlace[];
  /** "Show shelters in other cities", when there are some the caller may choose and they are not shown. */
  elsewhereHref: string | null;
  now: Date;
  actions: Actions;
};

/** The fragment the page lands at once a link is out: the panel with the link and its QR code. */
const LINK_ANCHOR = 'link';

/** The newest link handed out on this page, whether by reserving or by renewing. */
function latestHandover(...states: FormState[]): Handover | null {
  const issued = states
    .filter((state) => state.status === 'ok' && state.data?.url)
    .map((state) => state.data as unknown as Handover & { issuedAt: string });
  issued.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  return issued[0] ?? null;
}

/**
 * Everything a guide does for one household. It stays mounted while the page refreshes, so the link
 * from a reservation is still on screen after the page has turned into the reservation's view.
 */
export function ArrivalWorkspace({
  arrivalId,
  alias,
  current,
  suggestions,
  excluded,
  freeRooms,
  more,
  nights,
  otherPlaces,
  elsewhereHref,
  now,
  actions,
}: Props) {
  const t = useTranslations('placement');
  const format = useFormatter();
  const path = `/arrivals/${arrivalId}`;
  // Sent without JavaScript, a reservation's answer is the page itself, landing at the link to hand over.
  const [reserveState, reserveAction] = useFormAction(actions.reserve, `${path}#${LINK_ANCHOR}`);
  const [moveState, moveAction] = useFormAction(actions.move);
  const [renewState, renewAction] = useFormAction(actions.renew, `${path}#${LINK_ANCHOR}`);
  const handover = latestHandover(reserveState, renewState);
  // What the page lands at after a reservation: the new link, or the line saying the household's own
  // link (the one it asked with online) shows the booking now.
  const onRequestLink = reserveState.status === 'ok' && reserveState.message === 'reservedOnRequestLink';
  const shown = current && handover ? handover.url : current && onRequestLink ? current.id : null;
  useEffect(() => {
    if (!shown) return;
    // A new link is what the guide does next: bring it (and its QR code) into view, as #link would.
    document.getElementById(LINK_ANCHOR)?.scrollIntoView({ block: 'start' });
    if (location.hash !== `#${LINK_ANCHOR}`) history.replaceState(history.state, '', `#${LINK_ANCHOR}`);
  }, [shown]);
  // The same ranked list either reserves beds for a waiting household or moves a placed one.
  const [placeState, placeAction] = current ? [moveState, moveAction] : [reserveState, reserveAction];
  const hidden: Record<string, string> = current
    ? { stayId: current.id, ...(nights.chosen ? { departure: nights.departure } : {}) }
    : { arrivalId, firstNight: nights.firstNight, departure: nights.departure };
  const submitLabel = current ? t('moveHere') : t('reserve');
  const list = (
    <>
      <SuggestionList
        suggestions={suggestions}
        excluded={excluded}
        freeRooms={freeRooms}
        more={more}
        now={now}
        state={placeState}
        formAction={placeAction}
        hidden={hidden}
        submitLabel={submitLabel}
        moving={!!current}
        shownElsewhere={new Set(otherPlaces.flatMap((place) => place.suggestions.map((s) => s.shelterId)))}
      />
      <OtherPlaces
        places={otherPlaces}
        elsewhereHref={elsewhereHref}
        freeRooms={freeRooms}
        now={now}
        state={placeState}
        formAction={placeAction}
        hidden={hidden}
        submitLabel={submitLabel}
      />
    </>
  );
  const time = (at: Date, timeZone: string) => format.dateTime(at, { timeZone, dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      {current && handover ? <LinkPanel handover={handover} alias={alias} anchor={LINK_ANCHOR} /> : null}
      {current ? (
        <section className="card" aria-labelledby="stay-title">
          <h2 id="stay-title">
            {current.status === 'reserved'
              ? t('reservedAt', { shelter: current.shelterName })
              : t('stayingAt', { shelter: current.shelterName })}
          </h2>
          <p className="muted">{current.district}</p>
          {/* New dates or beds (a move) start the form afresh: a refusal about the old ones would mislead. */}
          <StayDates
            key={`${current.firstNight} ${current.departure} ${current.beds.map((bed) => bed.bedId).join()}`}
            stay={current}
            path={path}
            action={actions.dates}
          />
          <p>
            <strong>{t('beds')}:</strong> {current.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')}
          </p>
          <p>
            {current.status === 'reserved'
              ? t('heldUntil', { time: time(current.holdUntil, current.timeZone), ago: format.relativeTime(current.holdUntil, now) })
              : t('checkedInAt', { time: time(current.checkedInAt ?? now, current.timeZone) })}
          </p>
          <div className="button-row">
            <form action={renewAction}>
              <input type="hidden" name="stayId" value={current.id} />
              <SubmitButton className="button">{current.hasLink ? t('newLink') : t('issueLink')}</SubmitButton>
            </form>
            {current.hasLink ? (
              <ActionButton
                action={actions.revoke}
                fields={{ stayId: current.id }}
                label={t('revokeLink')}
                confirm={t('revokeLinkConfirm')}
              />
            ) : null}
            {current.status === 'reserved' ? (
              <ActionButton
                action={actions.cancel}
                fields={{ stayId: current.id }}
                label={t('cancel')}
                confirm={t('cancelConfirm', { alias })}
              />
            ) : null}
          </div>
          <FormStatus state={renewState} />
          {/* Where a reservation without a new link lands: the household's link already shows it. */}
          {current.linkIsRequest && current.hasLink ? (
            <p className="hint" id={handover ? undefined : LINK_ANCHOR}>
              {t('requestLinkShowsStay')}
            </p>
          ) : null}
          {current.hasLink ? null : <p className="hint">{t('noLink')}</p>}
        </section>
      ) : null}
      <section aria-labelledby="suggestions-title">
        {current ? (
          <details className="move" open={nights.chosen}>
            <summary id="suggestions-title">{t('moveTitle')}</summary>
            <NightsForm nights={nights} path={path} moving />
            {list}
          </details>
        ) : (
          <>
            <NightsForm nights={nights} path={path} moving={false} />
            <h2 id="suggestions-title">{t('suggestionsTitle')}</h2>
            {list}
          </>
        )}
      </section>
    </>
  );
}
