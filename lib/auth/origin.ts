import 'server-only';
import { headers } from 'next/headers';

/** The public origin for links we hand out: AUTH_URL when set, else what the request says. */
export async function publicOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]}://${host}`;
}
