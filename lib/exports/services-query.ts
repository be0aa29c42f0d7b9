import { z } from 'zod';
import type { HsdsService } from './hsds';

export const PER_PAGE_DEFAULT = 50;
export const PER_PAGE_MAX = 200;

const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${name} must be from ${min} to ${max}`);

const uuid = (name: string) =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${name} must be a UUID`);

const QUERY = z.object({
  page: whole('page', 1, 100_000).default(1),
  per_page: whole('per_page', 1, PER_PAGE_MAX).default(PER_PAGE_DEFAULT),
  modified_after: z
    .string()
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value)),
      'modified_after must be an ISO 8601 date-time, such as 2026-12-01T00:00:00Z',
    )
    .transform((value) => new Date(value))
    .optional(),
  taxonomy_term_id: uuid('taxonomy_term_id').optional(),
  taxonomy_id: uuid('taxonomy_id').optional(),
  organization_id: uuid('organization_id').optional(),
});

export type ServicesQuery = z.output<typeof QUERY>;

/**
 * The Open Referral API's filters for `/services`, from a URL's query. Parameters it does not know
 * (`full`, `minimal`, `search`…) are ignored, as the API allows; one it knows with a wrong value is an
 * error naming the parameter, never a silently different list.
 */
export function parseServicesQuery(params: URLSearchParams): { ok: true; query: ServicesQuery } | { ok: false; error: string } {
  const known = ['page', 'per_page', 'modified_after', 'taxonomy_term_id', 'taxonomy_id', 'organization_id'];
  const raw: Record<string, string> = {};
  for (const name of known) {
    const values = params.getAll(name);
    if (values.length > 1) return { ok: false, error: `${name} may be given once` };
    if (values.length === 1) raw[name] = values[0];
  }
  const parsed = QUERY.safeParse(raw);
  return parsed.success
    ? { ok: true, query: parsed.data }
    : { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
}

/** The services that pass every filter asked for, in the feed's order. */
export function filterServices(services: HsdsService[], query: ServicesQuery): HsdsService[] {
  return services.filter(
    (service) =>
      (!query.modified_after || Date.parse(service.last_modified) >= query.modified_after.getTime()) &&
      (!query.organization_id || service.organization_id === query.organization_id) &&
      (!query.taxonomy_term_id || service.attributes.some((attribute) => attribute.taxonomy_term_id === query.taxonomy_term_id)) &&
      (!query.taxonomy_id || service.attributes.some((attribute) => attribute.taxonomy_term.taxonomy_id === query.taxonomy_id)),
  );
}
