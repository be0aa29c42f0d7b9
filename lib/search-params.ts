/** A page's query string as Next hands it over: a repeated key arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter; a repeated key never breaks a page. */
export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
