/**
 * The accessible name of a command repeated down a page: its visible label followed by what it acts
 * on ("Check in, Cem"), so that a screen reader tells one row's button from the next while the name
 * still starts with the words on screen. Nothing to add (no subject) leaves the label as the name.
 */
export function nameFor(label: string, subject?: string | null): string | undefined {
  return subject ? `${label}, ${subject}` : undefined;
}
