'use client';

import { useTranslations } from 'next-intl';
import Link from '@/components/link';
import type { FormState } from '@/lib/forms';
import type { Suggestion } from '@/lib/matching/suggest';
import { SuggestionList, type FreeRoom } from './suggestion-list';

/** Places outside the household's own city: where it is going (`city`), or the caller's other cities. */
export type OtherPlace = { kind: 'home' | 'destination' | 'elsewhere'; city: string | null; suggestions: Suggestion[] };

type Props = {
  places: OtherPlace[];
  elsewhereHref: string | null;
  freeRooms: Record<string, FreeRoom[]>;
  now: Date;
  state: FormState;
  formAction: (formData: FormData) => void;
  hidden: Record<string, string>;
  submitLabel: string;
};

/**
 * Each card here sends `elsewhere`: choosing a shelter in another city is deliberate, and recorded as
 * such in the audit trail (lib/placement/city-rule.ts).
 */
export function OtherPlaces({ places, elsewhereHref, freeRooms, now, state, formAction, hidden, submitLabel }: Props) {
  const t = useTranslations('cityPlaces');
  return (
    <>
      {places.map((place) => {
        const id = place.kind === 'destination' ? 'destination-title' : 'elsewhere-title';
        return (
          <section key={place.kind} aria-labelledby={id}>
            <h3 id={id}>{place.kind === 'destination' ? t('destination', { city: place.city ?? '—' }) : t('elsewhere')}</h3>
            <p className="muted">{t('recorded')}</p>
            <SuggestionList
              suggestions={place.suggestions}
              excluded={[]}
              freeRooms={freeRooms}
              more={null}
              now={now}
              state={state}
              formAction={formAction}
              hidden={{ ...hidden, elsewhere: '1' }}
              submitLabel={submitLabel}
              quiet
            />
          </section>
        );
      })}
      {elsewhereHref ? (
        <p>
          <Link href={elsewhereHref}>{t('showElsewhere')}</Link>
        </p>
      ) : null}
    </>
  );
}
