import publicEn from '@/lib/i18n/public/en.json';
import type { PublicShelter } from '@/lib/requests/public-list';
import { uuidV5 } from './uuid';

/**
 * The public list as Human Services Data Specification (Open Referral) 3.1 JSON: one page of fully
 * nested `service` objects, the answer HSDS's own API gives to `GET /services?full=true`. Each listed
 * shelter is a service of the network (the `organization`), at a `location` that names its district
 * and city but carries no address and no coordinates: those stay private until a stay exists.
 * Everything here is what /shelters already shows, in English, the language HSDS readers share.
 */

export const HSDS_VERSION = '3.1';
export const DEFAULT_NETWORK_NAME = 'Waystation network';

/** The network's public name: WAYSTATION_NETWORK_NAME, else "Waystation network". */
export function networkName(env: Record<string, string | undefined> = process.env): string {
  return env.WAYSTATION_NETWORK_NAME?.trim() || DEFAULT_NETWORK_NAME;
}

export type FeedShelter = PublicShelter & { city: string | null };

type Language = { id: string; service_id: string; name: string; code: string };
type Location = { id: string; location_type: 'physical'; organization_id: string; name: string; description: string };
type Capacity = { id: string; service_id: string; unit_id: string; unit: { id: string; name: string }; available: number; description: string; updated: string };
export type HsdsService = {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  status: 'active';
  organization: { id: string; name: string; description: string };
  service_at_locations: { id: string; service_id: string; location_id: string; location: Location }[];
  languages: Language[];
  capacities: Capacity[];
};
export type HsdsFeed = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsService[];
};

const english = new Intl.DisplayNames(['en'], { type: 'language' });
const yesNo = (value: boolean) => publicEn.list[value ? 'yes' : 'no'];

/** What a reader of /shelters learns from its card, as one paragraph. */
export function serviceDescription(shelter: FeedShelter): string {
  const { list, roomKinds } = publicEn;
  return [
    'Free beds for people in transit, run by volunteers.',
    shelter.roomKinds.length > 0 ? `${list.rooms}: ${shelter.roomKinds.map((kind) => roomKinds[kind]).join(', ')}.` : null,
    shelter.languages.length > 0 ? `${list.languages}: ${shelter.languages.map((code) => english.of(code) ?? code).join(', ')}.` : null,
    `${list.families}: ${yesNo(shelter.acceptsFamilies)}. ${list.pets}: ${yesNo(shelter.acceptsPets)}. ${list.wheelchair}: ${yesNo(shelter.wheelchairAccessible)}.`,
    shelter.lastConfirmedAt ? null : `${list.neverConfirmed}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

// The ids: name-based, so they stay the same from one fetch to the next (see ./uuid.ts).
const ids = (shelterId: string) => ({
  service: uuidV5(`service:${shelterId}`),
  location: uuidV5(`location:${shelterId}`),
  serviceAtLocation: uuidV5(`service_at_location:${shelterId}`),
  capacity: uuidV5(`service_capacity:${shelterId}:bed`),
  language: (code: string) => uuidV5(`language:${shelterId}:${code}`),
});
const BED_UNIT = { id: uuidV5('unit:bed'), name: 'Bed' };

function service(shelter: FeedShelter, organization: HsdsService['organization']): HsdsService {
  const id = ids(shelter.id);
  const place = [shelter.district, shelter.city].filter(Boolean).join(', ');
  return {
    id: id.service,
    organization_id: organization.id,
    name: shelter.name,
    description: serviceDescription(shelter),
    status: 'active',
    organization,
    service_at_locations: [
      {
        id: id.serviceAtLocation,
        service_id: id.service,
        location_id: id.location,
        location: {
          id: id.location,
          location_type: 'physical',
          organization_id: organization.id,
          name: shelter.name,
          description: `${place}. The address is given only to people with a reservation.`,
        },
      },
    ],
    languages: shelter.languages.map((code) => ({ id: id.language(code), service_id: id.service, name: english.of(code) ?? code, code })),
    // HSDS needs the time a capacity was confirmed: a count no host has confirmed is left out.
    capacities: shelter.lastConfirmedAt
      ? [
          {
            id: id.capacity,
            service_id: id.service,
            unit_id: BED_UNIT.id,
            unit: BED_UNIT,
            available: shelter.freeBeds,
            description: 'Free beds tonight; "updated" is when the host last confirmed availability.',
            updated: shelter.lastConfirmedAt.toISOString(),
          },
        ]
      : [],
  };
}

/** The whole feed, one page: a network has tens of shelters, not thousands. */
export function hsdsFeed(shelters: FeedShelter[], network: string): HsdsFeed {
  const organization = {
    id: uuidV5(`organization:${network}`),
    name: network,
    description: 'A volunteer network that houses people in transit in free shelters.',
  };
  return {
    total_items: shelters.length,
    total_pages: 1,
    page_number: 1,
    size: shelters.length,
    first_page: true,
    last_page: true,
    empty: shelters.length === 0,
    contents: shelters.map((shelter) => service(shelter, organization)),
  };
}
