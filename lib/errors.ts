/**
 * A refusal the user can act on. `code` is a key under `errors` in the message files, so the
 * page shows it in the user's language; nothing internal (SQL, ids, stack) ever reaches a page.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly field?: string,
    public readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const notAllowed = () => new DomainError('notAllowed');
export const notFound = () => new DomainError('notFound');
