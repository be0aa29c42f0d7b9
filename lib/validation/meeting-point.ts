import { z } from 'zod';
import { optionalCityChoice } from './city';
import { idField, requiredText } from './common';

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
  name: requiredText(60),
  latitude: coordinate(90, 'invalidLatitude'),
  longitude: coordinate(180, 'invalidLongitude'),
  // Required once the network has several cities (checked by the domain call, lib/meeting-points/manage.ts).
  cityId: optionalCityChoice,
};

export const createMeetingPointSchema = z.object(meetingPointFields);
export const updateMeetingPointSchema = z.object({ meetingPointId: idField, ...meetingPointFields });
export const deleteMeetingPointSchema = z.object({ meetingPointId: idField });
/** Where a household is now: a meeting point, or none (an empty choice). */
export const householdMeetingPointSchema = z.object({
  arrivalId: idField,
  meetingPointId: z.preprocess((value) => (value === '' ? undefined : value), idField.optional()),
});

export type MeetingPointInput = z.infer<typeof createMeetingPointSchema>;
