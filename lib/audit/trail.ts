import 'server-only';
import type { Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { cityScopeOf } from '@/lib/cities/scope';
import { addDays, dayStart } from '@/lib/occupancy/days';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { invitationReach, staffReach, withinScope } from '@/lib/staff/scope';
import { isoDay } from '@/lib/validation/common';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { actor?: string; action?: string; shelter?: string; from?: string; to?: string };
export type AuditProblem = 'badDate' | 'reversed' | 'badPage' | 'unknownActor' | 'unknownShelter' | 'unknownAction';

const first = (value: string | string[] | undefined) => firstParam(value)?.trim() || undefined;

export type AuditChoices = { actors: { id: string; label: string }[]; actions: string[]; shelters: { id: string; name: string }[] };

/**
 * Which events an admin reads. An admin of all cities: every one. An admin of some cities: events
 * about a shelter in those cities; about a household whose queue is theirs; about staff, or an
 * invitation, within their cities (lib/staff/scope.ts). An event about none of these (network
 * settings, meeting points, a network-wide export) or about something with no city is for all-city
 * admins only: the trail would otherwise tell of other cities.
 */
export type AuditReach = 'all' | { cityIds: string[]; userIds: string[]; invitationIds: string[] };

export function auditReach(db: Db, admin: StaffUser): AuditReach {
  const scope = cityScopeOf(admin);
  if (scope === 'all') return 'all';
  const within = (reach: Map<string, 'all' | string[]>) => [...reach].filter(([, cities]) => withinScope(scope, cities)).map(([id]) => id);
  return { cityIds: [...scope], userIds: [...new Set([admin.id, ...within(staffReach(db))])], invitationIds: within(invitationReach(db)) };
}

const REACH_CLAUSE = `(
  e.shelter_id in (select id from shelters where city_id in (select value from json_each(@reachCities)))
  or (e.shelter_id is null and e.entity = 'arrival'
      and e.entity_id in (select id from arrivals where city_id in (select value from json_each(@reachCities))))
  or (e.shelter_id is null and e.entity = 'user' and e.entity_id in (select value from json_each(@reachUsers)))
  or (e.shelter_id is null and e.entity = 'invitation' and e.entity_id in (select value from json_each(@reachInvitations))))`;

const reachParams = (reach: Exclude<AuditReach, 'all'>) => ({
  reachCities: JSON.stringify(reach.cityIds),
  reachUsers: JSON.stringify(reach.userIds),
  reachInvitations: JSON.stringify(reach.invitationIds),
});

/** What the filters can pick from: staff who acted, actions recorded, shelters; within the admin's reach. */
export function auditChoices(db: Db, reach: AuditReach = 'all'): AuditChoices {
  const actors = db.$client
    .prepare(`select id, name || ' (' || email || ')' as label from users order by name`)
    .all() as AuditChoices['actors'];
  const shelters = db.$client
    .prepare('select id, name, city_id as cityId from shelters order by name')
    .all() as (AuditChoices['shelters'][number] & { cityId: string | null })[];
  if (reach === 'all') {
    return {
      actors,
      actions: db.$client.prepare('select distinct action from audit_events order by action').pluck().all() as string[],
      shelters: shelters.map(({ id, name }) => ({ id, name })),
    };
  }
  return {
    actors: actors.filter((actor) => reach.userIds.includes(actor.id)),
    actions: db.$client
      .prepare(`select distinct e.action from audit_events e where ${REACH_CLAUSE} order by e.action`)
      .pluck()
      .all(reachParams(reach)) as string[],
    shelters: shelters
      .filter((shelter) => shelter.cityId !== null && reach.cityIds.includes(shelter.cityId))
      .map(({ id, name }) => ({ id, name })),
  };
}

/** The filters from the query string; what cannot be used is dropped and named, never an error page. */
export function parseAuditFilters(
  params: SearchParams,
  choices: AuditChoices,
): { filters: AuditFilters; page: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  const filters: AuditFilters = {};
  const actor = first(params.actor);
  if (actor) {
    if (choices.actors.some((a) => a.id === actor)) filters.actor = actor;
    else problems.push('unknownActor');
  }
  const action = first(params.action);
  if (action) {
    if (choices.actions.includes(action)) filters.action = action;
    else problems.push('unknownAction');
  }
  const shelter = first(params.shelter);
  if (shelter) {
    if (choices.shelters.some((s) => s.id === shelter)) filters.shelter = shelter;
    else problems.push('unknownShelter');
  }
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

// Internal ids stay out: a page shows the kind of thing acted on, never its id.
export type AuditRow = { id: string; at: number; action: string; entity: string; actor: string | null; shelter: string | null };

/** One page of events, newest first, with the total so the page can say "page 2 of 7". */
export function auditPage(db: Db, filters: AuditFilters, page: number, timeZone: string, reach: AuditReach = 'all') {
  const where: string[] = reach === 'all' ? [] : [REACH_CLAUSE];
  const params: Record<string, string | number> = reach === 'all' ? {} : reachParams(reach);
  const add = (condition: string, key: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(condition);
    params[key] = value;
  };
  add('e.actor_id = @actor', 'actor', filters.actor);
  add('e.action = @action', 'action', filters.action);
  add('e.shelter_id = @shelter', 'shelter', filters.shelter);
  add('e.at >= @from', 'from', filters.from && dayStart(filters.from, timeZone));
  add('e.at < @to', 'to', filters.to && dayStart(addDays(filters.to, 1), timeZone));
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const total = db.$client.prepare(`select count(*) from audit_events e ${clause}`).pluck().get(params) as number;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const rows = db.$client
    .prepare(
      `select e.id, e.at, e.action, e.entity, u.name as actor, s.name as shelter
         from audit_events e left join users u on u.id = e.actor_id left join shelters s on s.id = e.shelter_id
        ${clause} order by e.at desc, e.rowid desc limit @limit offset @offset`,
    )
    .all({ ...params, limit: AUDIT_PAGE_SIZE, offset: (Math.min(page, pages) - 1) * AUDIT_PAGE_SIZE }) as AuditRow[];
  return { rows, total, pages, page: Math.min(page, pages), pageOutOfRange: page > pages };
}
