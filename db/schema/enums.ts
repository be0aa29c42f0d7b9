// Plain constants with no database imports, so client components can use them too.
export const ROLES = ['admin', 'guide', 'host'] as const;
export type Role = (typeof ROLES)[number];

export const SHELTER_STATUSES = ['open', 'paused', 'closed'] as const;
/** A shelter run by a network's hosts, or a private home an offer became (issue 30, lib/homes). */
export const SHELTER_KINDS = ['shelter', 'home'] as const;
export type ShelterKind = (typeof SHELTER_KINDS)[number];
export const ROOM_KINDS = ['men', 'women', 'mixed', 'family'] as const;
export const TEXT_LOCALES = ['ru', 'en', 'tr', 'uk'] as const;
export type ShelterStatus = (typeof SHELTER_STATUSES)[number];
export type RoomKind = (typeof ROOM_KINDS)[number];
export type TextLocale = (typeof TEXT_LOCALES)[number];

export const SECOND_FACTOR_POLICIES = ['off', 'admins', 'everyone'] as const;
export type SecondFactorPolicy = (typeof SECOND_FACTOR_POLICIES)[number];

/** What a shelter can ask for on the public list (lib/shelters/needs.ts). */
export const NEED_KINDS = ['blankets', 'food', 'hygiene', 'clothes', 'interpreter', 'volunteers', 'other'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

/** A place offered on /offer: what it is, whom it takes, and where its vetting stands. */
export const OFFER_KINDS = ['sofa', 'room', 'flat'] as const;
export const OFFER_GUESTS = ['men', 'women', 'families', 'anyone'] as const;
export const OFFER_STATUSES = ['new', 'contacted', 'verified', 'active', 'paused', 'withdrawn', 'declined'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export type OfferGuests = (typeof OFFER_GUESTS)[number];
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** What a host lays out for a few busy nights (lib/shelters/surge.ts): counted apart from real beds. */
export const SURGE_KINDS = ['mat', 'sofa', 'other'] as const;
export type SurgeKind = (typeof SURGE_KINDS)[number];
