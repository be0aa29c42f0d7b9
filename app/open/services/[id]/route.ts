import { getDb } from '@/db';
import { originFromHeaders } from '@/lib/auth/origin';
import { hsdsServices, networkName } from '@/lib/exports/hsds';
import { feedShelters } from '@/lib/exports/read';
import { openDataResponse } from '@/lib/exports/respond';

export const dynamic = 'force-dynamic';

/** `GET /open/services/{id}`: one listed shelter, fully nested. A shelter not listed is not found, like one that never was. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const services = hsdsServices(feedShelters(getDb(), new Date()), networkName(), originFromHeaders(request.headers));
  const found = services.find((service) => service.id === id.toLowerCase());
  return found ? openDataResponse(found) : openDataResponse({ error: 'No listed service has this id.' }, 404);
}
