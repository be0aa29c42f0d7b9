/**
 * The shortest password an account takes. A module of its own, importing nothing, because the
 * password forms show it in the browser: taken from the validation module, it brought zod, the
 * database schema and the common-password dictionary (about 900 KB) into those pages' JavaScript.
 */
export const MIN_PASSWORD_LENGTH = 12;
