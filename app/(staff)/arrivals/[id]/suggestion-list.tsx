'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from '@/components/link';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms';
import { cardReasons, type Difference } from '@/lib/matching/differences';
import { exclusionText } from '@/lib/matching/exclusion-text';
import type { Excluded, Exclusion, Reason, Suggestion } from '@/lib/matching/suggest';
import { shownKm } from '@/lib/meeting-points/distance';

export type FreeRoom = { id: string; name: string; beds: { id: string; label: string }[] };

type Props = {
  suggestions: Suggestion[];
  excluded: Excluded[];
  freeRooms: Record<string, FreeRoom[]>;
  more: { count: number; href: string } | null;
  now: Date;
  state: FormState;
  formAction: (formData: FormData) => void;
  hidden: Record<string, string>;
  submitLabel: string;
  /** Moving a placed household: an empty list means no other beds, and they keep theirs. */
  moving?: boolean;
  /** Shelters listed under another heading, whose refusals their own cards show; `quiet`: this list says nothing of others'. */
  shownElsewhere?: ReadonlySet<string>;
  quiet?: boolean;
};

function useReasonText() {
  const t = useTranslations('suggest');
  const languageNames = useTranslations('languages');
  const kinds = useTranslations('roomKinds');
  const format = useFormatter();
  const languages = (list: string[]) => list.map((l) => languageNames(l)).join(', ');
  const ago = (at: Date, now: Date) => format.relativeTime(at, now);
  return {
    difference(difference: Difference, now: Date): string {
      switch (difference.code) {
        case 'nearer':
        case 'farther':
          return t(`differ.${difference.code}`, { km: difference.km });
        case 'oneRoom':
          return difference.versus
            ? t('differ.roomKind', { kind: kinds(difference.kind), versus: kinds(difference.versus) })
            : t('differ.oneRoomTogether', { kind: kinds(difference.kind) });
        case 'severalRooms':
          return t('differ.severalRooms', { count: difference.count });
        case 'speaks':
        case 'doesNotSpeak':
          return t(`differ.${difference.code}`, { languages: languages(difference.languages) });
        case 'wheelchair':
          return t(difference.accessibleRoom ? 'differ.wheelchairRoom' : 'differ.wheelchairNoRoom');
        case 'confirmed':
          if (!difference.at) return t('differ.neverConfirmed', { versus: difference.versus ? ago(difference.versus, now) : '' });
          if (!difference.versus) return t('differ.confirmedAboveNever', { ago: ago(difference.at, now) });
          return t('differ.confirmed', { ago: ago(difference.at, now), versus: ago(difference.versus, now) });
        case 'freeAfter':
          return t('differ.freeAfter', { free: difference.free, total: difference.total, versus: difference.versus });
        default:
          return t(`differ.${difference.code}`);
      }
    },
    reason(reason: Reason, now: Date): string {
      switch (reason.code) {
        case 'distance': {
          const km = shownKm(reason.km);
          return km === 0 ? t('reason.distanceUnder1', { place: reason.from }) : t('reason.distance', { km, place: reason.from });
        }
        case 'oneRoom':
          return t('reason.oneRoom', { room: reason.room, free: reason.free });
        case 'menBooked':
          return t('reason.menBooked', { room: reason.room, men: reason.men });
        case 'speaks':
          return t('reason.speaks', { languages: languages(reason.languages) });
        case 'confirmed':
          return t('reason.confirmed', { ago: ago(reason.at, now) });
        case 'severalRooms':
          return t('reason.severalRooms', { count: reason.count });
        case 'wheelchair':
          return t(reason.accessibleRoom ? 'reason.wheelchairRoom' : 'reason.wheelchair');
        case 'freeAfter':
          return t('reason.freeAfter', { free: reason.free, total: reason.total });
        default:
          return t(`reason.${reason.code}`);
      }
    },
    exclusion: (exclusion: Exclusion): string => exclusionText(t, exclusion),
  };
}

/** Ranked places for one household; each card holds the pre-chosen beds and lets the guide swap them. */
export function SuggestionList({
  suggestions,
  excluded,
  freeRooms,
  more,
  now,
  state,
  formAction,
  hidden,
  submitLabel,
  moving = false,
  shownElsewhere,
  quiet = false,
}: Props) {
  const t = useTranslations('suggest');
  const errors = useTranslations('errors');
  const text = useReasonText();
  const said = cardReasons(suggestions, now);
  // A lost race concerns the whole list (it was refreshed); any other refusal, the card that was sent.
  const sent = state.status === 'error' && state.message !== 'bedsTaken' ? state.values?.shelterId : undefined;
  const sentFrom = Array.isArray(sent) ? sent[0] : sent;
  const sentBeds = Array.isArray(state.values?.bedIds) ? state.values.bedIds : [];
  return (
    <div className="suggestions">
      {quiet || (sentFrom && (suggestions.some((s) => s.shelterId === sentFrom) || shownElsewhere?.has(sentFrom))) ? null : (
        <FormStatus state={state} />
      )}
      {suggestions.length === 0 ? <p className="empty">{t(moving ? 'noneToMove' : 'none')}</p> : null}
      <ol className="suggestion-list">
        {suggestions.map((suggestion, index) => {
          const planned = new Set(suggestion.beds.map((bed) => bed.bedId));
          const sentHere = sentFrom === suggestion.shelterId;
          const chosen = sentHere ? new Set(sentBeds) : planned;
          const refusal = sentHere ? (state.fieldErrors?.bedIds ?? state.message) : undefined;
          return (
            <li key={`${suggestion.shelterId}:${[...planned].join()}`} className="card suggestion" aria-label={suggestion.shelterName}>
              <div className="card-head">
                <h3>
                  {index + 1}. {suggestion.shelterName}
                  {suggestion.home ? <span className="badge"> {t('privateHome')}</span> : null}
                </h3>
                <span className="muted">{suggestion.district}</span>
              </div>
              <CardReasons said={said[index]} reasons={suggestion.reasons} text={text} now={now} />
              {suggestion.unusedRooms.length > 0 ? (
                <ul className="reasons">
                  {suggestion.unusedRooms.map((room) => (
                    <li key={room.name} className="muted">
                      {t(`unused.${room.why}`, { room: room.name })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <form action={formAction} className="stack">
                {Object.entries({ ...hidden, shelterId: suggestion.shelterId }).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                {refusal ? (
                  <p role="alert" className="form-status error">
                    {errors(refusal, state.messageParams ?? {})}
                  </p>
                ) : null}
                <p>
                  <strong>{t('beds')}:</strong> {suggestion.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')}
                </p>
                <details open={sentHere || undefined}>
                  <summary>{t('swapBeds')}</summary>
                  {(freeRooms[suggestion.shelterId] ?? []).map((room) => (
                    <fieldset key={room.id} className="checkbox-group">
                      <legend>{room.name}</legend>
                      {room.beds.map((bed) => (
                        <div className="checkbox" key={bed.id}>
                          <input type="checkbox" id={`bed-${bed.id}`} name="bedIds[]" value={bed.id} defaultChecked={chosen.has(bed.id)} />
                          <label htmlFor={`bed-${bed.id}`}>{t('bed', { room: room.name, bed: bed.label })}</label>
                        </div>
                      ))}
                    </fieldset>
                  ))}
                </details>
                <SubmitButton aria-label={nameFor(submitLabel, suggestion.shelterName)}>{submitLabel}</SubmitButton>
              </form>
            </li>
          );
        })}
      </ol>
      {more ? (
        <p>
          <Link href={more.href} className="button">
            {t('showAll', { count: more.count })}
          </Link>
        </p>
      ) : null}
      {excluded.length > 0 ? (
        <section aria-labelledby="excluded-title">
          <h3 id="excluded-title">{t('excludedTitle')}</h3>
          <ul className="excluded">
            {excluded.map((item) => (
              <li key={item.shelterId}>
                <strong>{item.shelterName}</strong> — {item.reasons.map((reason) => text.exclusion(reason)).join('; ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

type ReasonText = ReturnType<typeof useReasonText>;

// Said on every card, not only as a difference: how far it is, and that a man is booked in a room of the plan.
const alwaysSaid = (reason: Reason) => reason.code === 'distance' || reason.code === 'menBooked';

/**
 * The first card's reasons; on the others how far they are, any man booked in its rooms, and what
 * sets them apart from the card above, with the full list one tap away.
 */
function CardReasons({
  said,
  reasons,
  text,
  now,
}: {
  said: ReturnType<typeof cardReasons>[number];
  reasons: Reason[];
  text: ReasonText;
  now: Date;
}) {
  const t = useTranslations('suggest');
  const list = (items: Reason[]) => (
    <ul className="reasons">
      {items.map((reason) => (
        <li
          key={reason.code === 'menBooked' ? `menBooked:${reason.roomId}` : reason.code}
          className={reason.code === 'menBooked' ? 'men-booked' : undefined}
        >
          {text.reason(reason, now)}
        </li>
      ))}
    </ul>
  );
  if (said.kind === 'main') return list(reasons);
  const always = reasons.filter(alwaysSaid);
  return (
    <>
      {always.length > 0 ? list(always) : null}
      <p className="differ-title">{t('unlike', { shelter: said.above })}</p>
      <ul className="reasons differences">
        {said.differences.map((difference) => (
          <li key={difference.code}>{text.difference(difference, now)}</li>
        ))}
      </ul>
      <details className="all-reasons">
        <summary>{t('allReasons')}</summary>
        {list(reasons.filter((reason) => !alwaysSaid(reason)))}
      </details>
    </>
  );
}
