import publicEn from '@/lib/i18n/public/en.json';
import type { PublicShelter } from '@/lib/requests/public-list';
import type { NetworkContact } from '@/lib/requests/settings';
import { termOf, type FeatureCode, type TaxonomyTerm } from './taxonomy';
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

export type FeedShelter = PublicShelter & {
  city: string | null;
  citySlug: string | null;
  /** Whom to call or write to ask for a place: the city's volunteers (the network's if the city has no contact). */
  contact: NetworkContact;
  checkIn: { from: string; until: string; timeZone: string };
  /** When what the feed says of it last changed: its profile, rooms or beds, or the host's confirmation. */
  modifiedAt: Date;
};

type Language = { id: string; service_id: string; name: string; code: string };
type Location = { id: string; location_type: 'physical'; organization_id: string; name: string; description: string };
type Capacity = {
  id: string;
  service_id: string;
  unit_id: string;
  unit: { id: string; name: string };
  available: number;
  description: string;
  updated: string;
};
type Phone = { id: string; service_id: string; number: string; type: 'voice' | 'text'; description: string };
type Url = { id: string; service_id: string; label: string; url: string };
type Schedule = {
  id: string;
  service_id: string;
  freq: 'WEEKLY';
  wkst: 'MO';
  byday: string;
  opens_at: string;
  closes_at: string;
  description: string;
};
type ServiceArea = { id: string; service_id: string; name: string; extent_type: string; description: string };
type Attribute = {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: TaxonomyTerm;
};
export type HsdsService = {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  application_process: string;
  status: 'active';
  last_modified: string;
  organization: { id: string; name: string; description: string };
  service_at_locations: { id: string; service_id: string; location_id: string; location: Location }[];
  service_areas: ServiceArea[];
  phones: Phone[];
  additional_urls: Url[];
  schedules: Schedule[];
  languages: Language[];
  capacities: Capacity[];
  attributes: Attribute[];
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
  phone: (kind: string) => uuidV5(`phone:${shelterId}:${kind}`),
  url: (kind: string) => uuidV5(`url:${shelterId}:${kind}`),
  schedule: uuidV5(`schedule:${shelterId}:check-in`),
  serviceArea: uuidV5(`service_area:${shelterId}`),
  attribute: (code: string) => uuidV5(`attribute:${shelterId}:${code}`),
});
const BED_UNIT = { id: uuidV5('unit:bed'), name: 'Bed' };

/** The kinds of room and the policies of a shelter, as terms of our taxonomy. */
export function featuresOf(shelter: FeedShelter): FeatureCode[] {
  return [
    ...shelter.roomKinds.map((kind) => `room-${kind}` as const),
    ...(shelter.acceptsFamilies ? (['families'] as const) : []),
    ...(shelter.acceptsPets ? (['pets'] as const) : []),
    ...(shelter.wheelchairAccessible ? (['wheelchair'] as const) : []),
  ];
}

const digits = (phone: string) => phone.replace(/[^0-9]/g, '');

/** How to ask for a place: the public form (no account), else the city's volunteers. */
function howToAsk(shelter: FeedShelter, askUrl: string | undefined): string {
  const { phone, telegram, whatsapp } = shelter.contact;
  const channels = [
    phone && `call ${phone}`,
    telegram && `write on Telegram to ${telegram}`,
    whatsapp && `write on WhatsApp to ${whatsapp}`,
  ].filter(Boolean);
  const volunteers = shelter.city ? `the volunteers in ${shelter.city}` : 'the volunteers';
  return [
    askUrl ? `Ask for a place at ${askUrl}: no account is needed, and volunteers find a bed.` : null,
    channels.length > 0 ? `Or ${channels.join(', or ')}: ${volunteers} place people in this shelter.` : null,
    'Free of charge. Nobody is asked for a passport or any other document.',
  ]
    .filter(Boolean)
    .join(' ');
}

function service(shelter: FeedShelter, organization: HsdsService['organization'], origin: string): HsdsService {
  const id = ids(shelter.id);
  const place = [shelter.district, shelter.city].filter(Boolean).join(', ');
  const askUrl = origin ? `${origin}/request${shelter.citySlug ? `?city=${encodeURIComponent(shelter.citySlug)}` : ''}` : undefined;
  const { phone, telegram, whatsapp } = shelter.contact;
  const handle = telegram?.replace(/^@/, '');
  return {
    id: id.service,
    organization_id: organization.id,
    name: shelter.name,
    description: serviceDescription(shelter),
    ...(askUrl ? { url: askUrl } : {}),
    application_process: howToAsk(shelter, askUrl),
    status: 'active',
    last_modified: shelter.modifiedAt.toISOString(),
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
    // The city as a structured field: HSDS's address needs a street, which stays private, so the city
    // is the area the service covers, by name, beside the location's description.
    service_areas: shelter.city
      ? [
          {
            id: id.serviceArea,
            service_id: id.service,
            name: shelter.city,
            extent_type: 'city',
            description: `${shelter.city}: people in transit in this city may ask for a place here.`,
          },
        ]
      : [],
    phones: [
      ...(phone
        ? [
            {
              id: id.phone('voice'),
              service_id: id.service,
              number: phone,
              type: 'voice' as const,
              description: `${shelter.city ?? 'The network'}'s volunteers, who place people in this shelter.`,
            },
          ]
        : []),
      ...(whatsapp
        ? [
            {
              id: id.phone('text'),
              service_id: id.service,
              number: whatsapp,
              type: 'text' as const,
              description: 'WhatsApp messages to the same volunteers.',
            },
          ]
        : []),
    ],
    additional_urls: [
      ...(handle && /^[A-Za-z0-9_]{3,64}$/.test(handle)
        ? [{ id: id.url('telegram'), service_id: id.service, label: 'Telegram', url: `https://t.me/${handle}` }]
        : []),
      ...(whatsapp && digits(whatsapp).length >= 6
        ? [{ id: id.url('whatsapp'), service_id: id.service, label: 'WhatsApp', url: `https://wa.me/${digits(whatsapp)}` }]
        : []),
    ],
    schedules: [
      {
        id: id.schedule,
        service_id: id.service,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: 'MO,TU,WE,TH,FR,SA,SU',
        opens_at: shelter.checkIn.from,
        closes_at: shelter.checkIn.until,
        description: `Check-in every day from ${shelter.checkIn.from} to ${shelter.checkIn.until}, local time (${shelter.checkIn.timeZone}).`,
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
    attributes: featuresOf(shelter).map((code) => {
      const term = termOf(code);
      return {
        id: id.attribute(code),
        link_id: id.service,
        link_type: 'service_feature',
        link_entity: 'service',
        taxonomy_term_id: term.id,
        taxonomy_term: term,
      };
    }),
  };
}

export function organizationOf(network: string): HsdsService['organization'] {
  return {
    id: uuidV5(`organization:${network}`),
    name: network,
    description: 'A volunteer network that houses people in transit in free shelters.',
  };
}

/** Every listed shelter as a service; `origin` makes the link to ask for a place absolute. */
export function hsdsServices(shelters: FeedShelter[], network: string, origin = ''): HsdsService[] {
  const organization = organizationOf(network);
  return shelters.map((shelter) => service(shelter, organization, origin));
}

/** One page of services in the API's `Page` shape. */
export function servicesPage(all: HsdsService[], page: number, perPage: number): HsdsFeed {
  const contents = all.slice((page - 1) * perPage, page * perPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The whole feed, one page: a network has tens of shelters, not thousands. */
export function hsdsFeed(shelters: FeedShelter[], network: string, origin = ''): HsdsFeed {
  return servicesPage(hsdsServices(shelters, network, origin), 1, Math.max(1, shelters.length));
}
