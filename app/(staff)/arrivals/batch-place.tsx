'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { describedBy, FieldError, messagePath, messageValues } from '@/components/ui/field-error';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import { placeSelected } from './actions';
import styles from './queue.module.css';

/** An open shelter with its beds free tonight (lib/placement/batch.ts freeTonightByShelter). */
type Choice = { id: string; name: string; district: string; free: number };
/** One household's outcome as the action sends it (lib/placement/batch.ts BatchOutcome). */
type Outcome = {
  arrivalId: string;
  alias: string | null;
  beds: { roomName: string; label: string }[] | null;
  refusal: { code: string; params?: Record<string, string | number> } | null;
};

const FORM_ID = 'batch-place';

/** What is ticked on the queue: the boxes belong to this form through their `form` attribute. */
function ticked() {
  const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[form="${FORM_ID}"]:checked`)];
  return { households: boxes.length, people: boxes.reduce((n, box) => n + Number(box.dataset.size ?? 1), 0) };
}

/**
 * Places the ticked households in one shelter at once. Without JavaScript the form still posts the
 * ticked boxes; with it, the bar counts who is ticked and warns when the shelter has fewer free beds.
 * Each household's outcome is listed after: its beds, or why it got none.
 */
export function BatchPlace({ shelters }: { shelters: Choice[] }) {
  const t = useTranslations('queue');
  const all = useTranslations();
  const [state, formAction] = useFormAction(placeSelected);
  const [picked, setPicked] = useState({ households: 0, people: 0 });
  const [shelterId, setShelterId] = useState('');
  const recount = useCallback(() => setPicked(ticked()), []);
  // Ticks change the count; so does the list itself, when placed households leave it with the answer.
  useEffect(() => {
    document.addEventListener('change', recount);
    const observer = new MutationObserver(recount);
    observer.observe(document.body, { childList: true, subtree: true });
    const frame = requestAnimationFrame(recount);
    return () => {
      document.removeEventListener('change', recount);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [recount]);

  const outcomes: Outcome[] = state.status === 'ok' && state.data?.outcomes ? JSON.parse(state.data.outcomes) : [];
  const chosen = shelters.find((shelter) => shelter.id === shelterId);
  const shelterName = String(state.messageParams?.shelter ?? '');
  const short = chosen && picked.people > chosen.free;
  return (
    // Sticky at the bottom of the screen only once something is ticked: until then it waits after the list.
    <form
      id={FORM_ID}
      action={formAction}
      className={picked.households > 0 ? `${styles.batch} ${styles.sticky}` : styles.batch}
      aria-labelledby="batch-title"
    >
      <h3 id="batch-title">{t('placeTitle')}</h3>
      <p aria-live="polite" className={styles.picked}>
        {picked.households === 0 ? t('tickSome') : t('picked', { households: picked.households, people: picked.people })}
      </p>
      <FieldError state={state} name="arrivalIds" inputId="batch-households" />
      <div className={styles.batchRow}>
        <label htmlFor="batch-shelter">{t('shelter')}</label>
        <select
          id="batch-shelter"
          name="shelterId"
          required
          value={shelterId}
          onChange={(event) => setShelterId(event.target.value)}
          {...describedBy(state, 'shelterId', 'batch-shelter', Boolean(short))}
        >
          <option value="">{t('chooseShelter')}</option>
          {shelters.map((shelter) => (
            <option key={shelter.id} value={shelter.id}>
              {t('shelterOption', { name: shelter.name, district: shelter.district, free: shelter.free })}
            </option>
          ))}
        </select>
        {short ? (
          <p className="muted" id="batch-shelter-hint">
            {t('fewerBeds', { free: chosen.free, people: picked.people })}
          </p>
        ) : null}
        <FieldError state={state} name="shelterId" inputId="batch-shelter" />
        <SubmitButton>{t('place')}</SubmitButton>
      </div>
      <FormStatus state={state} />
      {outcomes.length > 0 ? (
        <ul className={styles.results} aria-label={t('resultsTitle')}>
          {outcomes.map((outcome, index) => {
            const name = outcome.alias ?? t('unnamed', { number: index + 1 });
            return (
              <li key={outcome.arrivalId} className={outcome.beds ? styles.got : styles.missed}>
                {outcome.beds ? (
                  <>
                    <Link href={`/arrivals/${outcome.arrivalId}`}>{name}</Link>
                    {' — '}
                    {t('gotBeds', { shelter: shelterName, beds: outcome.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ') })}
                  </>
                ) : (
                  <>
                    {name}
                    {' — '}
                    {all(messagePath(outcome.refusal?.code ?? 'noBedFitting', 'errors'), messageValues(outcome.refusal?.params))}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </form>
  );
}
