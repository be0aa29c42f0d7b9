import type { FormState } from '@/lib/forms';
import type { BatchRefusal } from './batch';

// What the queue's batch results show, safe to import in the browser: no database, no secrets.

/**
 * A placed household's link as the guide's screen gets it: the URL and its share texts, never the
 * stay's id or hash; or, for a household that asked online, only that its own link shows the stay.
 */
export type BatchLink = NewBatchLink | { kind: 'request'; firstNight: string; departure: string };

export type NewBatchLink = {
  kind: 'new';
  url: string;
  /** The message with the link, in the household's language (lib/i18n/share.ts), as the household page sends it. */
  message: string;
  telegram: string;
  whatsapp: string;
  language: string;
  firstNight: string;
  departure: string;
};

/** One household's line in the batch's results, made for the guide who placed the batch. */
export type BatchResult = {
  arrivalId: string;
  alias: string | null;
  beds: string[] | null;
  link: BatchLink | null;
  refusal: BatchRefusal | null;
};

/** The households a batch left without a bed: their ticks stay, for the next try elsewhere. */
export const stillToPlace = (results: Pick<BatchResult, 'arrivalId' | 'link'>[]): string[] =>
  results.filter((result) => !result.link).map((result) => result.arrivalId);

/** The results a "place these" answer carries (none before it is sent, or when it was refused whole). */
export const batchResultsOf = (state: FormState): BatchResult[] =>
  state.status === 'ok' && state.data?.outcomes ? (JSON.parse(state.data.outcomes) as BatchResult[]) : [];
