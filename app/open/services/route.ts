import { getDb } from '@/db';
import { originFromHeaders } from '@/lib/auth/origin';
import { hsdsServices, networkName, servicesPage } from '@/lib/exports/hsds';
import { feedShelters } from '@/lib/exports/read';
import { openDataResponse } from '@/lib/exports/respond';
import { filterServices, parseServicesQuery } from '@/lib/exports/services-query';

export const dynamic = 'force-dynamic';

/** `GET /open/services`: the listed shelters as HSDS services, a page at a time, with the API's filters. */
export async function GET(request: Request) {
  const parsed = parseServicesQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return openDataResponse({ error: parsed.error }, 400);
  const services = hsdsServices(feedShelters(getDb(), new Date()), networkName(), originFromHeaders(request.headers));
  return openDataResponse(servicesPage(filterServices(services, parsed.query), parsed.query.page, parsed.query.per_page));
}
