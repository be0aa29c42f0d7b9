import { z } from 'zod';
import { OFFER_GUESTS, OFFER_KINDS, OFFER_STATUSES } from '@/db/schema/enums';
import { checkbox, idField, isoDay, listOf, optionalNameText, requiredText } from './common';
import { LANGUAGES } from './shelter-options';

export const MAX_OFFER_CAPACITY = 20;
export const MAX_OFFER_NIGHTS = 365;
/** How many date ranges the form has room for: three pairs of date fields keep it light without script. */
export const OFFER_RANGES = 3;

// Markup or control characters in what staff will read: refused rather than kept escaped.
const MARKUP = /[<>]|\p{Cc}/u;
const blankAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A phone number (7 to 15 digits, with the usual separators) or a Telegram handle (@name, 5 to 32 letters). */
export const PHONE = /^\+?[\d\s().-]{7,24}$/;
export const TELEGRAM = /^@[A-Za-z][A-Za-z0-9_]{4,31}$/;
const digitsOf = (value: string) => value.replace(/\D/g, '').length;
export const isPhoneOrTelegram = (value: string) =>
  TELEGRAM.test(value) || (PHONE.test(value) && digitsOf(value) >= 7 && digitsOf(value) <= 15);

const count = (max: number, message: string) =>
  z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(1, message).max(max, message);
const day = z.preprocess(blankAsUndefined, z.string().trim().pipe(isoDay).optional());

const rangeFields = Object.fromEntries(
  Array.from({ length: OFFER_RANGES }, (_, i) => [
    [`from${i + 1}`, day],
    [`to${i + 1}`, day],
  ]).flat(),
) as Record<`${'from' | 'to'}${1 | 2 | 3}`, typeof day>;

/**
 * A place offered on /offer, or edited through its private link. There is deliberately no field
 * for a name, a document, an address or a photo: the person is reached through their contact.
 */
export const offerSchema = z
  .object({
    cityId: z.string({ error: 'chooseCity' }).trim().min(1, 'chooseCity').max(64, 'invalid'),
    kind: z.enum(OFFER_KINDS, { error: 'chooseKind' }),
    capacity: count(MAX_OFFER_CAPACITY, 'capacityRange'),
    guests: z.enum(OFFER_GUESTS, { error: 'chooseGuests' }),
    languages: listOf(LANGUAGES, LANGUAGES.length),
    pets: checkbox,
    stepFree: checkbox,
    ...rangeFields,
    longestNights: count(MAX_OFFER_NIGHTS, 'longestRange'),
    contact: requiredText(60).refine(isPhoneOrTelegram, 'invalidPhoneOrTelegram'),
    note: z
      .string()
      .trim()
      .max(300, 'tooLong')
      .optional()
      .refine((value) => !value || !MARKUP.test(value.replace(/[\n\r\t]/g, ' ')), 'noMarkup')
      .transform((value) => value || null),
    website: z.string().max(200).optional(),
    stamp: z.string().max(200).optional(),
  })
  .superRefine(
    (input, context) => {
      let any = false;
      for (let i = 1; i <= OFFER_RANGES; i++) {
        const from = input[`from${i}` as keyof typeof rangeFields];
        const to = input[`to${i}` as keyof typeof rangeFields];
        if (!from && !to) continue;
        any = true;
        if (!from) context.addIssue({ code: 'custom', path: [`from${i}`], message: 'required' });
        else if (!to) context.addIssue({ code: 'custom', path: [`to${i}`], message: 'required' });
        else if (to < from) context.addIssue({ code: 'custom', path: [`to${i}`], message: 'datesReversed' });
      }
      if (!any) context.addIssue({ code: 'custom', path: ['from1'], message: 'required' });
    },
    { when: () => true },
  )
  .transform(({ website: _w, stamp: _s, ...input }) => ({
    ...input,
    ranges: Array.from({ length: OFFER_RANGES }, (_, i) => ({
      field: `from${i + 1}`,
      firstNight: input[`from${i + 1}` as keyof typeof rangeFields],
      lastNight: input[`to${i + 1}` as keyof typeof rangeFields],
    })).filter((range): range is { field: string; firstNight: string; lastNight: string } => Boolean(range.firstNight && range.lastNight)),
  }));
export type OfferInput = z.infer<typeof offerSchema>;

/** The posts the offer's private page takes besides an edit. */
export const ownOfferIntentSchema = z.object({ intent: z.enum(['pause', 'resume', 'withdraw']), lang: z.string().max(10).optional() });

/** Staff moving an offer along: any state but withdrawn (the person's own step) and new. */
export const STAFF_OFFER_STATUSES = OFFER_STATUSES.filter((status) => status !== 'new' && status !== 'withdrawn') as [
  'contacted',
  'verified',
  'active',
  'paused',
  'declined',
];
/**
 * A step of vetting. Making an offer active the first time also says where the home is: the address
 * and district learned by phone while vetting (the offer's form asks for none).
 */
export const offerStatusSchema = z
  .object({
    offerId: idField,
    status: z.enum(STAFF_OFFER_STATUSES, { error: 'invalid' }),
    address: optionalNameText(300),
    district: optionalNameText(60),
  })
  .transform(({ address, district, ...step }) => ({
    ...step,
    home: address || district ? { address: address ?? '', district: district ?? '' } : undefined,
  }));
export const offerTickSchema = z.object({ offerId: idField, checkId: idField });

/** An item of the network's vetting checklist; "two" means two different staff must tick it. */
export const vettingCheckSchema = z.object({
  label: requiredText(80).refine((value) => !MARKUP.test(value), 'noMarkup'),
  twoPeople: checkbox,
});
export const vettingCheckIdSchema = z.object({ checkId: idField });

/** The kinds of household suggested only homes verified by two volunteers; none ticked: any home. */
export const homesSettingSchema = z.object({ kinds: listOf(['men', 'women', 'families'] as const, 3) });
