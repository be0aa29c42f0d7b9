import { z } from 'zod';
import { STAY_WORDS } from '@/db/schema';
import { WORD_NOTE_MAX } from '@/lib/guest-word/limits';
import { checkbox, idField } from './common';

/**
 * The guest's word after their stay, posted from their link: would they stay there again (yes, no,
 * something was wrong) and a note, optional. The note is kept as the text typed: it is only ever
 * rendered as text. Messages are keys under `word` in the arrival messages.
 */
export const guestWordSchema = z.object({
  intent: z.literal('word'),
  lang: z.string().max(10).optional(),
  answer: z.enum(STAY_WORDS, { error: 'choose' }),
  note: z
    .string({ error: 'invalid' })
    .trim()
    .max(WORD_NOTE_MAX, 'noteTooLong')
    .optional()
    .transform((value) => (value ? value : null)),
});
export type GuestWordInput = z.infer<typeof guestWordSchema>;

/** A staff member has looked at a guest's word; `reopen` also opens the home it paused. */
export const lookAtWordSchema = z.object({ stayId: idField, reopen: checkbox });
