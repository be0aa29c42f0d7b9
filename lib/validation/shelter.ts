import { z } from 'zod';
import { ROOM_KINDS, SHELTER_STATUSES, SURGE_KINDS } from '@/db/schema';
import { isNight, MAX_NIGHTS } from '@/lib/calendar/nights';
import { cityChoice, optionalCityChoice, timeZoneField } from './city';
import { checkbox, contactHandle, idField, listOf, nameText, optionalText, requiredText } from './common';
import { AMENITIES, LANGUAGES } from './shelter-options';
import { namesByLocale, translationFields } from './translated-names';

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime');
const coordinate = (limit: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value.replace(',', '.')) : null))
    .refine((value) => value === null || (Number.isFinite(value) && Math.abs(value) <= limit), message);
const longText = optionalText(2000).transform((value) => value ?? '');
const stayNights = z.coerce
  .number({ error: 'invalidNumber' })
  .int('invalidNumber')
  .min(1, 'stayNightsRange')
  .max(MAX_NIGHTS, 'stayNightsRange');
// Left empty, the longest stay is "no limit of the shelter's own" (the network's 90 nights still hold).
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** A night as the date field sends it, "YYYY-MM-DD", and a day that exists. */
export const nightField = z.string({ error: 'required' }).trim().min(1, 'required').refine(isNight, 'invalidDate');

export const shelterProfileSchema = z.object({
  shelterId: idField,
  name: requiredText(100),
  district: requiredText(60),
  address: optionalText(300).transform((value) => value ?? ''),
  latitude: coordinate(90, 'invalidLatitude'),
  longitude: coordinate(180, 'invalidLongitude'),
  phone: contactHandle(40),
  telegram: contactHandle(60),
  whatsapp: contactHandle(40),
  languages: listOf(LANGUAGES, LANGUAGES.length),
  amenities: listOf(AMENITIES, AMENITIES.length),
  acceptsFamilies: checkbox,
  acceptsPets: checkbox,
  wheelchairAccessible: checkbox,
  listedPublicly: checkbox,
  checkInFrom: clock,
  checkInUntil: clock,
  holdHours: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(1, 'holdHoursRange').max(72, 'holdHoursRange'),
  usualNights: stayNights,
  longestNights: z.preprocess(blankAsMissing, stayNights.optional()).transform((value) => value ?? null),
  checkOutBy: clock,
  // Any zone the runtime knows: a city may keep one that is not in the usual list (TIME_ZONES).
  timeZone: timeZoneField,
  // Absent when the form offers no city (a host's): the shelter stays where it is.
  cityId: optionalCityChoice,
  status: z.enum(SHELTER_STATUSES, { error: 'invalid' }),
  directions_ru: longText,
  directions_en: longText,
  directions_tr: longText,
  directions_uk: longText,
  houseRules_ru: longText,
  houseRules_en: longText,
  houseRules_tr: longText,
  houseRules_uk: longText,
  whatToBring_ru: longText,
  whatToBring_en: longText,
  whatToBring_tr: longText,
  whatToBring_uk: longText,
});
export type ShelterProfileInput = z.infer<typeof shelterProfileSchema>;

/** What "late, about 23:30" does at a shelter: minutes of grace, and the latest hour it lets anyone in (blank: the door's closing). */
export const lateArrivalsSchema = z.object({
  shelterId: idField,
  lateGraceMinutes: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(0, 'lateGraceRange').max(180, 'lateGraceRange'),
  latestArrival: z.preprocess(blankAsMissing, clock.optional()).transform((value) => value ?? null),
});
export type LateArrivalsInput = z.infer<typeof lateArrivalsSchema>;

export const newShelterSchema = z.object({ name: requiredText(100), district: requiredText(60), cityId: cityChoice });
export type NewShelterInput = z.infer<typeof newShelterSchema>;

export const shelterIdSchema = z.object({ shelterId: idField });

const roomFields = z.object({
  shelterId: idField,
  name: nameText(60),
  kind: z.enum(ROOM_KINDS, { error: 'required' }),
  accessible: checkbox,
  beds: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(0, 'roomBedCountRange').max(50, 'roomBedCountRange'),
});

/** A new room: its name once, and optionally in other languages (lib/shelters/room-names.ts). */
export const roomSchema = roomFields
  .extend(translationFields(60))
  .transform(({ nameEn, nameRu, nameTr, nameUk, ...room }) => ({ ...room, names: namesByLocale({ nameEn, nameRu, nameTr, nameUk }) }));

export const roomEditSchema = roomFields.omit({ shelterId: true, beds: true }).extend({ roomId: idField });
export const roomIdSchema = z.object({ roomId: idField });

/** A room's name in each language, as long as its own name may be; blank falls back. */
export const roomNamesSchema = z
  .object({ roomId: idField, ...translationFields(60) })
  .transform(({ roomId, ...fields }) => ({ roomId, names: namesByLocale(fields) }));

export const addBedsSchema = z.object({
  roomId: idField,
  count: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(1, 'bedCountRange').max(50, 'bedCountRange'),
});

export const bedIdSchema = z.object({ bedId: idField });
export const renameBedSchema = bedIdSchema.extend({ label: requiredText(30) });
export const outOfServiceSchema = bedIdSchema.extend({ reason: requiredText(120) });

/**
 * Surge beds for a few nights (decision 0026): how many, what they are, what to call them, and their
 * first and last night. A label is one line, as a bed's tile shows it: never markup.
 */
export const surgeBedsSchema = z.object({
  roomId: idField,
  count: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(1, 'surgeCountRange').max(20, 'surgeCountRange'),
  kind: z.enum(SURGE_KINDS, { error: 'required' }),
  label: nameText(24).refine((value) => !/[<>]/.test(value), 'noMarkup'),
  firstNight: nightField,
  lastNight: nightField,
});
export type SurgeBedsInput = z.infer<typeof surgeBedsSchema>;

/** Ending a surge bed early: its new last night. */
export const surgeEndSchema = z.object({ bedId: idField, lastNight: nightField });
export type SurgeEndInput = z.infer<typeof surgeEndSchema>;

/** Closing the whole shelter (no room) or one room, for nights first..last, both included. */
export const closureSchema = z.object({
  shelterId: idField,
  roomId: z.preprocess(blankAsMissing, idField.optional()).transform((value) => value ?? null),
  firstNight: nightField,
  lastNight: nightField,
  reason: optionalText(120),
});
export type ClosureInput = z.infer<typeof closureSchema>;
export const closureIdSchema = z.object({ closureId: idField });

/** "One more night": the departure the host saw, so that a second tap on the same screen adds nothing more. */
export const oneMoreNightSchema = z.object({ stayId: idField, departure: nightField });
export const extensionIdSchema = z.object({ extensionId: idField });
