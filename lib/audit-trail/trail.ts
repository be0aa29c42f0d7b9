import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, auditEvents, cities, offers, shelters, stayBeds, stays, users } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { addDays, dayStart } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { listCities } from '@/lib/cities/cities';
import { cityScopeOf } from '@/lib/cities/scope';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { invitationReach, staffReach, withinScope } from '@/lib/staff/scope';
import { isoDay } from '@/lib/validation/common';
import { AUDIT_KINDS, kindPrefixes, type AuditKind } from './kinds';

export const AUDIT_PAGE_SIZE = 50;

/** `person` is a staff member's id, or "guest" / "system" for what nobody on the staff did. */
export type AuditFilters = { person?: string; kind?: AuditKind; shelter?: string; city?: string; from?: string; to?: string };
export type AuditProblem = 'badDate' | 'reversed' | 'badPage' | 'unknownPerson' | 'unknownShelter' | 'unknownCity' | 'unknownKind';
export const NOT_STAFF = ['guest', 'system'] as const;

const first = (value: string | string[] | undefined) => firstParam(value)?.trim() || undefined;

export type AuditChoices = {
  people: { id: string; name: string; role: string }[];
  shelters: { id: string; name: string }[];
  cities: { id: string; name: string; timeZone: string }[];
};

/**
 * Which events an admin reads. An admin of all cities: every one. An admin of some cities: events
 * about a shelter in those cities; about a household whose queue is theirs; about staff, or an
 * invitation, within their cities (lib/staff/scope.ts). An event about none of these (network
 * settings, meeting points, a network-wide export) or about something with no city is for all-city
 * admins only: the trail would otherwise tell of other cities.
 */
export type AuditReach = 'all' | { cityIds: string[]; userIds: string[]; invitationIds: string[] };

/** The one city an admin of a single city holds: its clock tells what belongs to no city. */
export const onlyCityOf = (reach: AuditReach): string | undefined =>
  reach !== 'all' && reach.cityIds.length === 1 ? reach.cityIds[0] : undefined;

export function auditReach(db: Db, admin: StaffUser): AuditReach {
  const scope = cityScopeOf(admin);
  if (scope === 'all') return 'all';
  const within = (reach: Map<string, 'all' | string[]>) => [...reach].filter(([, cities]) => withinScope(scope, cities)).map(([id]) => id);
  return { cityIds: [...scope], userIds: [...new Set([admin.id, ...within(staffReach(db))])], invitationIds: within(invitationReach(db)) };
}

const e = alias(auditEvents, 'e');
const s = alias(shelters, 's');
const a = alias(arrivals, 'a');
const o = alias(offers, 'o');

const reachClause = (reach: Exclude<AuditReach, 'all'>) => {
  const [reachCities, reachUsers, reachInvitations] = [reach.cityIds, reach.userIds, reach.invitationIds].map((ids) => JSON.stringify(ids));
  return sql`(
  ${e.shelterId} in (select ${shelters.id} from ${shelters} where ${shelters.cityId} in (select value from json_each(${reachCities})))
  or (${e.shelterId} is null and ${e.entity} = 'arrival'
      and ${e.entityId} in (select ${arrivals.id} from ${arrivals}
                             where ${arrivals.cityId} in (select value from json_each(${reachCities}))))
  or (${e.shelterId} is null and ${e.entity} = 'offer'
      and ${e.entityId} in (select ${offers.id} from ${offers} where ${offers.cityId} in (select value from json_each(${reachCities}))))
  or (${e.shelterId} is null and ${e.entity} = 'user' and ${e.entityId} in (select value from json_each(${reachUsers})))
  or (${e.shelterId} is null and ${e.entity} = 'invitation' and ${e.entityId} in (select value from json_each(${reachInvitations}))))`;
};

/** Whether the admin may see this staff member's name and open them on the staff page. */
export const seesPerson = (reach: AuditReach, userId: string) => reach === 'all' || reach.userIds.includes(userId);
export const seesCity = (reach: AuditReach, cityId: string | null) =>
  reach === 'all' || (cityId !== null && reach.cityIds.includes(cityId));

const everyPerson = statement(() => sql`select ${users.id}, ${users.name}, ${users.role} from ${users} order by ${users.name}`);
const everyShelter = statement(
  () => sql`select ${shelters.id}, ${shelters.name}, ${shelters.cityId} as cityId from ${shelters} order by ${shelters.name}`,
);

/** What the filters can pick from, within the admin's reach; cities named in the admin's language. */
export function auditChoices(db: Db, reach: AuditReach, locale: string): AuditChoices {
  const people = everyPerson(db).all() as AuditChoices['people'];
  const shelters = everyShelter(db).all() as { id: string; name: string; cityId: string | null }[];
  return {
    people: people.filter((person) => seesPerson(reach, person.id)),
    shelters: shelters.filter((shelter) => reach === 'all' || seesCity(reach, shelter.cityId)).map(({ id, name }) => ({ id, name })),
    cities: listCities(db, locale)
      .filter((city) => seesCity(reach, city.id))
      .map(({ id, name, timeZone }) => ({ id, name, timeZone })),
  };
}

/** The filters from the query string; what cannot be used is dropped and named, never an error page. */
export function parseAuditFilters(
  params: SearchParams,
  choices: AuditChoices,
): { filters: AuditFilters; page: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  const filters: AuditFilters = {};
  const pick = (key: string, known: (value: string) => boolean, problem: AuditProblem, set: (value: string) => void) => {
    const value = first(params[key]);
    if (!value) return;
    if (known(value)) set(value);
    else problems.push(problem);
  };
  pick(
    'person',
    (v) => (NOT_STAFF as readonly string[]).includes(v) || choices.people.some((p) => p.id === v),
    'unknownPerson',
    (v) => (filters.person = v),
  );
  pick(
    'kind',
    (v) => (AUDIT_KINDS as readonly string[]).includes(v),
    'unknownKind',
    (v) => (filters.kind = v as AuditKind),
  );
  pick(
    'shelter',
    (v) => choices.shelters.some((s) => s.id === v),
    'unknownShelter',
    (v) => (filters.shelter = v),
  );
  pick(
    'city',
    (v) => choices.cities.some((c) => c.id === v),
    'unknownCity',
    (v) => (filters.city = v),
  );
  const from = first(params.from);
  const to = first(params.to);
  const fromOk = !from || isoDay.safeParse(from).success;
  const toOk = !to || isoDay.safeParse(to).success;
  if (!fromOk || !toOk) problems.push('badDate');
  else if (from && to && from > to) problems.push('reversed');
  else {
    if (from) filters.from = from;
    if (to) filters.to = to;
  }
  const rawPage = first(params.page);
  const page = rawPage === undefined ? 1 : Number(rawPage);
  if (!Number.isInteger(page) || page < 1) problems.push('badPage');
  return { filters, page: Number.isInteger(page) && page >= 1 ? page : 1, problems };
}

/**
 * An event with what its sentence needs, read live: the record may since have changed or gone, so
 * each name or link is there only while its record is. No id of a household reaches the page but in
 * the link to it, and that only when the admin may open it.
 */
export type AuditRow = {
  id: string;
  at: number;
  action: string;
  entity: string;
  entityId: string | null;
  actorId: string | null;
  actorKind: 'staff' | 'guest' | 'system';
  actorName: string | null;
  actorRole: string | null;
  shelterId: string | null;
  shelterName: string | null;
  cityId: string | null;
  householdId: string | null;
  householdCityId: string | null;
  householdErased: number | null;
  householdStatus: string | null;
  staffName: string | null;
  beds: number | null;
  firstNight: string | null;
  departure: string | null;
};

// The city an event happened in: its shelter's, else its household's or offer's, else the city it is about.
// Every column is named here, so that the query around it names these, not the table's.
const EVENTS = sql`
  select ${e.id} as id, ${e.at} as at, ${e.action} as action, ${e.entity} as entity, ${e.entityId} as entityId, ${e.actorId} as actorId,
         ${e.actorKind} as actorKind, ${e.shelterId} as shelterId, ${e}.rowid as seq,
         coalesce(${s.cityId}, ${a.cityId}, ${o.cityId}, case when ${e.entity} = 'city' then ${e.entityId} end) as cityId
    from ${auditEvents} ${e}
    left join ${shelters} ${s} on ${s.id} = ${e.shelterId}
    left join ${arrivals} ${a} on ${e.entity} = 'arrival' and ${a.id} = ${e.entityId}
    left join ${offers} ${o} on ${e.entity} = 'offer' and ${o.id} = ${e.entityId}`;

const cityZone = statement(() => sql`select ${cities.timeZone} from ${cities} where ${cities.id} = ?`);
const actor = alias(users, 'u');
const stay = alias(stays, 'st');
const household = alias(arrivals, 'h');
const staffMember = alias(users, 'staff');
const whereAll = (conditions: SQL[]) => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql.empty());

/** One page of events, newest first, with the total so the page can say "page 2 of 7". */
export function auditPage(db: Db, filters: AuditFilters, page: number, reach: AuditReach = 'all') {
  const inner: SQL[] = reach === 'all' ? [] : [reachClause(reach)];
  const where: SQL[] = [];
  const add = <T extends string | number>(value: T | undefined, condition: (value: T) => SQL) => {
    if (value !== undefined) where.push(condition(value));
  };
  if (filters.person === 'guest' || filters.person === 'system') add(filters.person, (person) => sql`x.actorKind = ${person}`);
  else add(filters.person, (person) => sql`x.actorId = ${person}`);
  add(
    filters.kind && JSON.stringify(kindPrefixes(filters.kind)),
    (kind) => sql`exists (select 1 from json_each(${kind}) where x.action like value || '%')`,
  );
  add(filters.shelter, (shelter) => sql`x.shelterId = ${shelter}`);
  add(filters.city, (city) => sql`x.cityId = ${city}`);
  // Days are the chosen city's, else the admin's only city's, else the network's.
  const dayCity = filters.city ?? onlyCityOf(reach);
  const zone = (dayCity && cityZone(db).pluck().get(dayCity)) as string | undefined;
  add(filters.from && dayStart(filters.from, zone ?? NETWORK_TIME_ZONE), (from) => sql`x.at >= ${from}`);
  add(filters.to && dayStart(addDays(filters.to, 1), zone ?? NETWORK_TIME_ZONE), (to) => sql`x.at < ${to}`);
  const events = sql`(select * from (${EVENTS} ${whereAll(inner)}) x ${whereAll(where)}) x`;
  const total = db.values<[number]>(sql`select count(*) from ${events}`)[0][0];
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const rows = db.all<AuditRow>(
    sql`select x.id, x.at, x.action, x.entity, x.entityId, x.actorId, x.actorKind, x.shelterId, x.cityId,
               ${actor.name} as actorName, ${actor.role} as actorRole, ${s.name} as shelterName,
               ${household.id} as householdId, ${household.cityId} as householdCityId, ${household.erasedAt} as householdErased,
               ${household.status} as householdStatus, ${staffMember.name} as staffName,
               (select count(*) from ${stayBeds} where ${stayBeds.stayId} = ${stay.id}) as beds,
               ${stay.firstNight} as firstNight, ${stay.departure}
          from ${events}
          left join ${users} ${actor} on ${actor.id} = x.actorId
          left join ${shelters} ${s} on ${s.id} = x.shelterId
          left join ${stays} ${stay} on x.entity = 'stay' and ${stay.id} = x.entityId
          left join ${arrivals} ${household}
                 on ${household.id} = case x.entity when 'arrival' then x.entityId when 'stay' then ${stay.arrivalId} end
          left join ${users} ${staffMember} on x.entity = 'user' and ${staffMember.id} = x.entityId
         order by x.at desc, x.seq desc limit ${AUDIT_PAGE_SIZE} offset ${(Math.min(page, pages) - 1) * AUDIT_PAGE_SIZE}`,
  );
  return { rows, total, pages, page: Math.min(page, pages), pageOutOfRange: page > pages };
}
