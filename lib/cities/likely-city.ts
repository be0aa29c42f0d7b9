/**
 * The city a visitor of the public pages is most likely in: the one they chose last on this device,
 * kept in a cookie that holds only the city's slug (no person, no request), else the city with the
 * most listed shelters. The list starts with it; the other cities keep their order.
 */
export const LIKELY_CITY_COOKIE = 'city';
const ONE_YEAR = 31_536_000;
const SLUG_SHAPE = /^[a-z0-9-]{1,60}$/;

/** The slug this device chose last, if the cookie holds one of the right shape. */
export function rememberedCity(cookieHeader: string | null): string | null {
  const value = cookieHeader
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === LIKELY_CITY_COOKIE)?.[1];
  return value && SLUG_SHAPE.test(value) ? value : null;
}

/** The Set-Cookie value that remembers a chosen city for the public pages of this site. */
export const rememberCity = (slug: string, secure: boolean) =>
  `${LIKELY_CITY_COOKIE}=${slug}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;

/** `groups` with the likely city first: the remembered one when it is among them, else the one with most shelters. */
export function likelyCityFirst<G extends { slug: string | null; shelters: unknown[] }>(groups: G[], remembered: string | null): G[] {
  if (groups.length < 2) return groups;
  const chosen = groups.find((group) => remembered && group.slug === remembered);
  const largest = groups.reduce((best, group) => (group.shelters.length > best.shelters.length ? group : best));
  const first = chosen ?? largest;
  return [first, ...groups.filter((group) => group !== first)];
}
