/** The longest note a guest may leave with their word after a stay, in characters. */
export const WORD_NOTE_MAX = 1000;
