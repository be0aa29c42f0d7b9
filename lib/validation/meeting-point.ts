import { z } from 'zod';
import { optionalCityChoice } from './city';
import { idField, nameText } from './common';
import { namesByLocale, translationFields } from './translated-names';

/** A required coordinate as a form sends it ("41.2753", or "41,2753" from a comma keyboard). */
const coordinate = (limit: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(30, message)
    .transform((value) => Number(value.replace(',', '.')))
    .refine((value) => Number.isFinite(value) && Math.abs(value) <= limit, message);

export const meetingPointFields = {
  name: nameText(60),
  ...translationFields(60),
  latitude: coordinate(90, 'invalidLatitude'),
  longitude: coordinate(180, 'invalidLongitude'),
  // Required once the network has several cities (checked by the domain call, lib/meeting-points/manage.ts).
  cityId: optionalCityChoice,
};

// The translations reach the domain as names by language (lib/meeting-points/names.ts).
const withNames = <T extends { nameEn: string | null; nameRu: string | null; nameTr: string | null; nameUk: string | null }>({
  nameEn,
  nameRu,
  nameTr,
  nameUk,
  ...point
}: T) => ({ ...point, names: namesByLocale({ nameEn, nameRu, nameTr, nameUk }) });

export const createMeetingPointSchema = z.object(meetingPointFields).transform(withNames);
export const updateMeetingPointSchema = z.object({ meetingPointId: idField, ...meetingPointFields }).transform(withNames);
export const deleteMeetingPointSchema = z.object({ meetingPointId: idField });
/** Where a household is now: a meeting point, or none (an empty choice). */
export const householdMeetingPointSchema = z.object({
  arrivalId: idField,
  meetingPointId: z.preprocess((value) => (value === '' ? undefined : value), idField.optional()),
});

/** A point as the domain takes it; without `names`, its names in other languages stay as they are. */
export type MeetingPointInput = Omit<z.output<typeof createMeetingPointSchema>, 'names'> &
  Partial<Pick<z.output<typeof createMeetingPointSchema>, 'names'>>;
