import { z } from 'zod';
import { NOTICE_TEXT_MAX, type NoticeLocale } from '@/lib/notices/limits';
import { idField } from './common';

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
