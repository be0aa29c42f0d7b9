/**
 * What a notice may be. A module importing nothing, because the notice form shows the length limit in
 * the browser: read from the validation module, it brought zod (about 100 KB) into the page.
 */

/** A notice is read at a glance on a phone in a queue: one or two sentences, not a letter. */
export const NOTICE_TEXT_MAX = 200;
/** A notice is about now ("water is off until 18:00"); a week is the furthest it may run. */
export const NOTICE_LONGEST_MS = 7 * 24 * 3600_000;
export const NOTICE_LOCALES = ['ru', 'en', 'tr', 'uk'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];
