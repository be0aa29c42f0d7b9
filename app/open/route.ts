import { originFromHeaders } from '@/lib/auth/origin';
import { HSDS_VERSION } from '@/lib/exports/hsds';
import { openDataResponse } from '@/lib/exports/respond';

export const dynamic = 'force-dynamic';

/** The Open Referral API's root: which HSDS version it speaks and where its definition is. */
export async function GET(request: Request) {
  const origin = originFromHeaders(request.headers);
  return openDataResponse({
    version: HSDS_VERSION,
    profile: 'https://docs.openreferral.org/en/latest/hsds/profiles.html',
    openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.1/schema/openapi.json',
    services_url: `${origin}/open/services`,
  });
}
