import { z } from 'zod';
import { isNight } from '@/lib/calendar/nights';
import { optionalCityChoice } from './city';
import { checkbox, contactHandle, idField, listOf, optionalText, requiredText } from './common';
import { LANGUAGES } from './shelter-options';

export const MAX_HOUSEHOLD = 30;

const count = z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(0, 'countRange').max(MAX_HOUSEHOLD, 'countRange');

/** `datetime-local` gives wall-clock time without a zone; it is read in the network's zone. */
const localDateTime = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value), 'invalidDateTime');

/**
 * The whole intake: a household is an alias and counts, languages and needs. There is deliberately
 * no field for a surname, nationality, document number, birth date or photo.
 */
export const arrivalFields = z.object({
  alias: requiredText(40),
  adultMen: count,
  adultWomen: count,
  children: count,
  languages: listOf(LANGUAGES, LANGUAGES.length),
  needsWheelchair: checkbox,
  hasPet: checkbox,
  needNote: optionalText(300),
  contact: contactHandle(100),
  arrivedAt: localDateTime,
  // Registered before they land: when they expect to, and the nights they ask for (both optional).
  expectedAt: localDateTime,
  nightsWanted: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(1, 'nightsRange').max(90, 'nightsRange').optional(),
  ),
  // Where the household is now: one of the network's meeting points, or none.
  meetingPointId: z.preprocess((value) => (value === '' || value === null ? undefined : value), idField.optional()),
  // The city the household is in now (whose queue it joins), and the one it wants to reach, if any.
  // Blank current city: the network's only one; with several cities the domain call asks for it.
  cityId: optionalCityChoice,
  destinationCityId: optionalCityChoice,
});

/** Rules over the counts together, for the guide's intake and the public request alike. */
export function householdRules(input: { adultMen: number; adultWomen: number; children: number }, context: z.RefinementCtx) {
  const size = input.adultMen + input.adultWomen + input.children;
  if (size === 0) context.addIssue({ code: 'custom', path: ['adultMen'], message: 'nobody' });
  if (size > MAX_HOUSEHOLD) context.addIssue({ code: 'custom', path: ['adultMen'], message: 'tooMany' });
  if (input.children > 0 && input.adultMen + input.adultWomen === 0)
    context.addIssue({ code: 'custom', path: ['children'], message: 'needsAdult' });
}

// The key a guide's form made once per draft (crypto.randomUUID), so a send retried after a dropped
// connection finds the household the first send wrote.
const intakeKey = z.preprocess((value) => (value === '' || value === null ? undefined : value), z.uuid('invalid').optional());

/** A household as a guide registers it: here since `arrivedAt` (now when blank), or landing at `expectedAt`. */
export const arrivalSchema = arrivalFields.extend({ intakeKey }).superRefine(householdRules);
export type ArrivalInput = z.infer<typeof arrivalSchema>;

export const ARRIVAL_ANSWERS = ['here', 'lands'] as const;

/**
 * The guide's form asks one question about arrival: "already here" or "lands at", and one time,
 * read as when they came or when they land (`takeIntake` in lib/households/intake.ts).
 */
export const intakeSchema = arrivalFields
  .omit({ arrivedAt: true, expectedAt: true })
  .extend({
    intakeKey,
    arrival: z.enum(ARRIVAL_ANSWERS, 'invalid'),
    arrivalTime: localDateTime,
  })
  .superRefine(householdRules);
export type IntakeInput = z.infer<typeof intakeSchema>;

const bedIdList = z.array(idField).min(1, 'chooseBeds').max(MAX_HOUSEHOLD, 'invalid');

/** A night or a departure day from a date input, "YYYY-MM-DD", and a day that exists. */
const night = z.string({ error: 'invalidDate' }).trim().refine(isNight, 'invalidDate');
const optionalNight = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || isNight(value), 'invalidDate');

// `elsewhere`: the guide chose a shelter outside the household's city on purpose (lib/placement/city-rule.ts).
export const reserveSchema = z.object({
  arrivalId: idField,
  bedIds: bedIdList,
  firstNight: optionalNight,
  departure: optionalNight,
  elsewhere: checkbox,
});
export const moveSchema = z.object({ stayId: idField, bedIds: bedIdList, departure: optionalNight, elsewhere: checkbox });
export const stayDatesSchema = z.object({ stayId: idField, departure: night, firstNight: optionalNight });
export const stayIdSchema = z.object({ stayId: idField });
