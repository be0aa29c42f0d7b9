import 'server-only';
import { cookies, headers } from 'next/headers';
import { servedOverHttps } from '@/lib/security/headers';
import { clientAddress } from './client-address';
import { deviceCookieName } from './device-cookie';
import { originFromHeaders } from './origin';

/** Who is asking, as the sign-in throttle counts them: the client's address and this browser's device cookie. */
export async function requestClient(): Promise<{ address: string; deviceCookie: string | undefined }> {
  const h = await headers();
  // The same rule as the sign-in that sets the cookie (lib/auth/index.ts) and the proxy.
  const https = servedOverHttps(new URL(originFromHeaders(h)), h);
  return { address: clientAddress(h), deviceCookie: (await cookies()).get(deviceCookieName(https))?.value };
}
