'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { batchResultsOf, stillToPlace } from '@/lib/placement/batch-view';
import { placeSelected } from './actions';
import styles from './queue.module.css';

type Batch = ReturnType<typeof useFormAction>;
const BatchContext = createContext<Batch | null>(null);

/**
 * The queue's "place these" form state, shared by the bar that sends it and the ticks that belong to
 * it. Sent without JavaScript, the page that answers is rendered from this state: a household that got
 * no bed comes back ticked there too, as the script ticks it again in the browser.
 */
export function BatchScope({ children }: { children: ReactNode }) {
  const batch = useFormAction(placeSelected);
  return <BatchContext.Provider value={batch}>{children}</BatchContext.Provider>;
}

export function useBatch(): Batch {
  const batch = useContext(BatchContext);
  if (!batch) throw new Error('the batch form is used outside BatchScope');
  return batch;
}

/** A household's tick on the queue: it belongs to the batch form, and stays ticked when it got no bed. */
export function QueueTick({ arrivalId, size, label }: { arrivalId: string; size: number; label: string }) {
  const [state] = useBatch();
  const kept = useMemo(() => stillToPlace(batchResultsOf(state)).includes(arrivalId), [state, arrivalId]);
  return (
    <label className={styles.pick}>
      <input type="checkbox" name="arrivalIds[]" value={arrivalId} form="batch-place" data-size={size} defaultChecked={kept} />
      <span>{label}</span>
    </label>
  );
}
