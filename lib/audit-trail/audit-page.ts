import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import type { SearchParams } from '@/lib/search-params';
import { auditEntries } from './entries';
import { auditChoices, auditPage, auditReach, parseAuditFilters } from './trail';

/**
 * The audit trail for an admin, or null for anyone else: one page of the events within the admin's
 * reach (an admin of some cities reads only the events about their cities), newest first, filtered as
 * the query string asks. The filters are read against the choices the admin has, so an unknown person,
 * shelter or city is dropped and named as a problem, never an error page.
 */
export function auditTrailPage(db: Db, user: StaffUser, params: SearchParams, locale: string) {
  if (!can(user, 'audit.read')) return null;
  const reach = auditReach(db, user);
  const choices = auditChoices(db, reach, locale);
  const { filters, page, problems } = parseAuditFilters(params, choices);
  const result = auditPage(db, filters, page, reach);
  return {
    choices,
    filters,
    problems: result.pageOutOfRange ? [...problems, 'pageOutOfRange' as const] : problems,
    total: result.total,
    page: result.page,
    pages: result.pages,
    entries: auditEntries(db, result.rows, reach, new Map(choices.cities.map((city) => [city.id, city.name]))),
  };
}

export type AuditTrailPage = NonNullable<ReturnType<typeof auditTrailPage>>;
