import type { Db } from '@/db';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { publicShelters, type PublicShelter } from '@/lib/requests/public-list';
import { readNetworkSettings, type NetworkContact } from '@/lib/requests/settings';
import { listCities } from './cities';
import { likelyCityFirst } from './likely-city';

/** A city on the public list: its name, address word and contact (the network's when it has none), and its shelters. */
export type PublicCityGroup = {
  slug: string | null;
  name: string | null;
  timeZone: string | null;
  contact: NetworkContact;
  shelters: PublicShelter[];
};

export type PublicList = {
  /** One group per city when the network has several (or when one was asked for); else one group without a name. */
  groups: PublicCityGroup[];
  /** Every city, for the links that narrow the list to one. */
  cities: { slug: string; name: string }[];
  /** The group a `?city=` picked, if it named one of the network's cities. */
  picked: string | null;
  /** `?city=` named no city: the list shows them all and says so. */
  unknownCity: boolean;
};

const hasContact = (contact: NetworkContact) => Boolean(contact.phone || contact.telegram || contact.whatsapp);

/**
 * The public list grouped by city, each with its own contact. `slug` narrows it to one city; an
 * unknown one shows every city, with a note. A shelter whose city is gone is listed with the first group.
 * Every city starts with the one the visitor is likely in (`remembered`, the city chosen last on this
 * device, see lib/cities/likely-city.ts), and its link leads the links to the others.
 */
export function publicList(db: Db, locale: ArrivalLocale, now: Date, slug?: string | null, remembered: string | null = null): PublicList {
  const networkContact = readNetworkSettings(db).contact;
  const cities = listCities(db, locale);
  const shelters = publicShelters(db, now);
  const known = slug ? cities.find((city) => city.slug === slug) : undefined;
  if (cities.length === 0)
    return {
      groups: [{ slug: null, name: null, timeZone: null, contact: networkContact, shelters }],
      cities: [],
      picked: null,
      unknownCity: Boolean(slug),
    };
  const groups = cities.map((city) => ({
    slug: city.slug,
    name: city.name,
    timeZone: city.timeZone,
    contact: hasContact(city.contact) ? city.contact : networkContact,
    shelters: shelters.filter((shelter) => shelter.cityId === city.id),
  }));
  const cityIds = new Set(cities.map((city) => city.id));
  groups[0].shelters.push(...shelters.filter((shelter) => !shelter.cityId || !cityIds.has(shelter.cityId)));
  const ordered = likelyCityFirst(groups, remembered);
  return {
    groups: known ? ordered.filter((group) => group.slug === known.slug) : ordered,
    cities: ordered.map(({ slug, name }) => ({ slug, name })),
    picked: known?.slug ?? null,
    unknownCity: Boolean(slug) && !known,
  };
}
