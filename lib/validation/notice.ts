import { z } from 'zod';
import { idField } from './common';

/** A notice is read at a glance on a phone in a queue: one or two sentences, not a letter. */
export const NOTICE_TEXT_MAX = 200;
/** A notice is about now ("water is off until 18:00"); a week is the furthest it may run. */
export const NOTICE_LONGEST_MS = 7 * 24 * 3600_000;
export const NOTICE_LOCALES = ['ru', 'en', 'tr', 'uk'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

const noticeText = z
  .string()
  .trim()
  .max(NOTICE_TEXT_MAX, 'noticeTooLong')
  .optional()
  .transform((value) => (value ? value : null));

/** "2026-12-01T18:00" from a datetime-local input, read later in the shelter's or the city's zone. */
const endsAt = z
  .string({ error: 'noticeEndRequired' })
  .trim()
  .min(1, 'noticeEndRequired')
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'noticeEndInvalid');

// Message keys are under `errors`; "no text at all" is told next to the first text field.
const noticeFields = z
  .object({ textRu: noticeText, textEn: noticeText, textTr: noticeText, textUk: noticeText, endsAt })
  .refine((fields) => Boolean(fields.textRu || fields.textEn || fields.textTr || fields.textUk), {
    message: 'noticeTextRequired',
    path: ['textRu'],
  });

export const shelterNoticeSchema = z.object({ shelterId: idField }).and(noticeFields);
export const cityNoticeSchema = z
  .object({ cityId: z.string({ error: 'noticeCityRequired' }).trim().min(1, 'noticeCityRequired').max(64, 'invalid') })
  .and(noticeFields);
export const withdrawNoticeSchema = z.object({ noticeId: idField });

export type NoticeInput = z.infer<typeof noticeFields>;

/** The texts of a notice as rows, only the languages written. */
export const noticeTextsOf = (input: NoticeInput) =>
  (
    [
      ['ru', input.textRu],
      ['en', input.textEn],
      ['tr', input.textTr],
      ['uk', input.textUk],
    ] as const
  )
    .filter((entry): entry is readonly [NoticeLocale, string] => Boolean(entry[1]))
    .map(([locale, text]) => ({ locale, text }));
