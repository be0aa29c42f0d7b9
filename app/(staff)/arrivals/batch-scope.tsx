'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormState } from '@/lib/forms';
import { batchResultsOf, stillToPlace, type BatchResult } from '@/lib/placement/batch-view';
import { placeSelected } from './actions';
import styles from './queue.module.css';

type Batch = {
  state: FormState;
  formAction: ReturnType<typeof useFormAction>[1];
  /** What the answer says, household by household, read once for the bar and every tick. */
  results: BatchResult[];
  /** The households it left without a bed: their ticks stay. */
  kept: ReadonlySet<string>;
};
const BatchContext = createContext<Batch | null>(null);

/**
 * The queue's "place these" form state, shared by the bar that sends it and the ticks that belong to
 * it. Sent without JavaScript, the page that answers is rendered from this state: a household that got
 * no bed comes back ticked there too, as the script ticks it again in the browser.
 */
export function BatchScope({ children }: { children: ReactNode }) {
  const [state, formAction] = useFormAction(placeSelected);
  const batch = useMemo(() => {
    const results = batchResultsOf(state);
    return { state, formAction, results, kept: new Set(stillToPlace(results)) };
  }, [state, formAction]);
  return <BatchContext.Provider value={batch}>{children}</BatchContext.Provider>;
}

export function useBatch(): Batch {
  const batch = useContext(BatchContext);
  if (!batch) throw new Error('the batch form is used outside BatchScope');
  return batch;
}

/** A household's tick on the queue: it belongs to the batch form, and stays ticked when it got no bed. */
export function QueueTick({ arrivalId, size, label }: { arrivalId: string; size: number; label: string }) {
  const kept = useBatch().kept.has(arrivalId);
  return (
    <label className={styles.pick}>
      <input type="checkbox" name="arrivalIds[]" value={arrivalId} form="batch-place" data-size={size} defaultChecked={kept} />
      <span>{label}</span>
    </label>
  );
}
