import { z } from 'zod';
import { MAX_BATCH } from '@/lib/placement/batch';
import { idField } from './common';

/** The queue's "place the selected": the households ticked (at most a bus-load) and one shelter. */
export const batchPlaceSchema = z.object({
  arrivalIds: z.array(idField, { error: 'chooseHouseholds' }).min(1, 'chooseHouseholds').max(MAX_BATCH, 'tooManySelected'),
  shelterId: idField,
});
