/** A page number from the query string: absent is the first page, anything but a whole number ≥ 1 is bad. */
export function requestedPage(raw: string | undefined): { page: number; badPage: boolean } {
  const page = raw === undefined ? 1 : Number(raw);
  const badPage = !Number.isInteger(page) || page < 1;
  return { page: badPage ? 1 : page, badPage };
}

export type Paged<T> = { rows: T[]; page: number; pages: number; total: number; pageOutOfRange: boolean };

/** One page of `items`; a page past the last shows the last (`pageOutOfRange` says so). */
export function pageOf<T>(items: readonly T[], requested: number, perPage: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.min(requested, pages);
  return { rows: items.slice((page - 1) * perPage, page * perPage), page, pages, total: items.length, pageOutOfRange: requested > pages };
}
