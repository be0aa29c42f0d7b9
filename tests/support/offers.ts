import type { Db } from '@/db';
import { submitOffer } from '@/lib/offers/submit-offer';
import { formStamp } from '@/lib/requests/form-guard';
import { offerSchema, type OfferInput } from '@/lib/validation/offer';

/** The offer form's fields as a person fills them: a room for two from tomorrow for a week, in `cityId`. */
export const offerForm = (cityId: string, from: string, to: string, more: Record<string, string | string[]> = {}) => ({
  cityId,
  kind: 'room',
  capacity: '2',
  guests: 'families',
  'languages[]': ['ru', 'en'],
  pets: 'on',
  from1: from,
  to1: to,
  longestNights: '7',
  contact: '+90 555 123 45 67',
  note: 'Third floor, no lift',
  ...more,
});

/** The same, parsed as the route parses it. */
export function offerInput(cityId: string, from: string, to: string, more: Record<string, unknown> = {}): OfferInput {
  const fields = { ...offerForm(cityId, from, to), languages: ['ru', 'en'], ...more };
  return offerSchema.parse(fields);
}

let addresses = 0;

/** An offer written as the form writes it, from an address (and network) of its own; returns its link and reference. */
export function makeOffer(db: Db, cityId: string, now: Date, from: string, to: string, more: Record<string, unknown> = {}) {
  const outcome = submitOffer(
    db,
    offerInput(cityId, from, to, more),
    { address: `10.${Math.floor(++addresses / 250)}.${addresses % 250}.1`, stamp: formStamp(new Date(now.getTime() - 60_000)) },
    now,
  );
  if ('refusal' in outcome) throw new Error(outcome.refusal);
  return outcome;
}
