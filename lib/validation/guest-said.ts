import { z } from 'zod';

const lang = z.string().max(10).optional();

/**
 * What a guest may tell the shelter on their link: that they are on their way, or that they will be
 * late, with the wall-clock time ("23:30", the shelter's zone) they expect to come. Messages are keys
 * under `say` in the arrival messages.
 */
export const guestSaidSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('on_my_way'), lang }),
    z.object({
      intent: z.literal('late'),
      lang,
      eta: z
        .string({ error: 'lateTime' })
        .trim()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'lateTime'),
    }),
  ],
  { error: 'invalid' },
);
export type GuestSaidInput = z.infer<typeof guestSaidSchema>;
