import { z } from 'zod';
import { NEED_KINDS } from '@/db/schema';
import { idField, optionalNameText } from './common';
import { nightField } from './shelter';

/** A need's note is read by anyone on the public list: one short line, never markup. */
export const NEED_NOTE_MAX = 80;

const needNote = optionalNameText(NEED_NOTE_MAX).refine((value) => value === null || !/[<>]/.test(value), 'noMarkup');

// Message keys are under `errors`; "other" says nothing without its note.
export const needSchema = z
  .object({
    shelterId: idField,
    kind: z.enum(NEED_KINDS, { error: 'invalid' }),
    note: needNote,
    lastDay: nightField,
  })
  .refine((need) => need.kind !== 'other' || need.note !== null, { message: 'needNoteRequired', path: ['note'] });
export type NeedInput = z.infer<typeof needSchema>;

export const needIdSchema = z.object({ needId: idField });
