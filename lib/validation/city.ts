import { z } from 'zod';
import { cityIsSlug } from '@/db/schema/cities';
import { contactHandle, idField, optionalText, requiredText } from './common';

/** Whether the runtime knows this IANA time zone ("Asia/Yerevan"); its canonical spelling, or null. */
export function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A time zone as typed: checked with Intl, and stored as the runtime spells it ("asia/yerevan" → "Asia/Yerevan"). */
export const timeZoneField = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .transform((value, context) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      context.addIssue({ code: 'custom', message: 'invalidTimeZone' });
      return z.NEVER;
    }
    return zone;
  });

/** Left blank, the address word comes from the English name (lib/cities/slug.ts). */
const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(40, 'invalidSlug')
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || cityIsSlug(value), 'invalidSlug');

const cityFields = {
  nameEn: requiredText(60),
  nameRu: optionalText(60),
  nameTr: optionalText(60),
  nameUk: optionalText(60),
  slug: slugField,
  timeZone: timeZoneField,
  // The same rules as the network's own contact (lib/validation/request.ts).
  contactPhone: contactHandle(40),
  contactTelegram: contactHandle(60),
  contactWhatsapp: contactHandle(40),
};

export const createCitySchema = z.object(cityFields);
export const updateCitySchema = z.object({ cityId: idField, ...cityFields });
export const deleteCitySchema = z.object({ cityId: idField });
export type CityInput = z.infer<typeof createCitySchema>;

/** A city chosen in a form: required, one of the network's (checked against the database by the domain call). */
export const cityChoice = z.string({ error: 'chooseCity' }).trim().min(1, 'chooseCity').max(64, 'unknownCity');
/** An optional city: blank means none. */
export const optionalCityChoice = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.string().trim().max(64, 'unknownCity').optional(),
);
