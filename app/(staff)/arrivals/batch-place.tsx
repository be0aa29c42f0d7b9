'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describedBy, FieldError } from '@/components/ui/field-error';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { BatchResults } from './batch-results';
import { useBatch } from './batch-scope';
import styles from './queue.module.css';

/** An open shelter with its beds free tonight (lib/placement/batch.ts freeTonightByShelter). */
type Choice = { id: string; name: string; district: string; free: number };

const FORM_ID = 'batch-place';

/** What is ticked on the queue: the boxes belong to this form through their `form` attribute. */
function ticked() {
  const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[form="${FORM_ID}"]:checked`)];
  return { households: boxes.length, people: boxes.reduce((n, box) => n + Number(box.dataset.size ?? 1), 0) };
}

/**
 * Places the ticked households in one shelter at once. Without JavaScript the form still posts the
 * ticked boxes; with it, the bar counts who is ticked and warns when the shelter has fewer free beds.
 * Each household's outcome is listed after: its beds and link, or why it got none.
 */
export function BatchPlace({ shelters }: { shelters: Choice[] }) {
  const t = useTranslations('queue');
  const { state, formAction, results, kept } = useBatch();
  const [picked, setPicked] = useState({ households: 0, people: 0 });
  const [shelterId, setShelterId] = useState('');
  const form = useRef<HTMLFormElement>(null);
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

  // React empties the form once the action is done, and the boxes belong to it: those who got no bed
  // are ticked again, ready to be placed elsewhere (without JavaScript, QueueTick renders them ticked).
  useEffect(() => {
    for (const arrivalId of kept) {
      const box = document.querySelector<HTMLInputElement>(`input[form="${FORM_ID}"][value="${CSS.escape(arrivalId)}"]`);
      if (box) box.checked = true;
    }
    if (results.length > 0) form.current?.scrollIntoView({ block: 'start' });
    // Setting `checked` fires no change event: the bar counts again on the next frame.
    const frame = requestAnimationFrame(recount);
    return () => cancelAnimationFrame(frame);
  }, [results, kept, recount]);
  const chosen = shelters.find((shelter) => shelter.id === shelterId);
  const shelterName = String(state.messageParams?.shelter ?? '');
  const short = chosen && picked.people > chosen.free;
  return (
    // Sticky at the bottom of the screen only once something is ticked: until then it waits after the
    // list. Its results take more than a phone's screen, so with them it stays in the page's flow.
    <form
      id={FORM_ID}
      action={formAction}
      ref={form}
      className={picked.households > 0 && results.length === 0 ? `${styles.batch} ${styles.sticky}` : styles.batch}
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
      {results.length > 0 ? <BatchResults results={results} shelter={shelterName} /> : null}
    </form>
  );
}
