import 'server-only';
import { cookies, headers } from 'next/headers';
import { clientAddress } from './client-address';
import { deviceCookieName } from './device-cookie';
import { originFromHeaders } from './origin';

/** Who is asking, as the sign-in throttle counts them: the client's address and this browser's device cookie. */
export async function requestClient(): Promise<{ address: string; deviceCookie: string | undefined }> {
  const h = await headers();
  const https = new URL(originFromHeaders(h)).protocol === 'https:';
  return { address: clientAddress(h), deviceCookie: (await cookies()).get(deviceCookieName(https))?.value };
}
