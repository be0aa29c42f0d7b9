import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from '@auth/core/jwt';
import { Remembered } from '@/lib/cache';

/**
 * Auth.js's own session-token encode and decode, remembered for a moment. Auth.js reads the session
 * twice for every page a staff member opens (the proxy renews it, the page checks it), and each read
 * decrypts the cookie and encrypts a fresh one: four key derivations and cipher runs, a measurable
 * share of a bed board's CPU (docs/benchmarks.md). The same cookie decrypts to the same token, so a
 * decrypted one is kept by its exact text until it expires; and a token re-encrypted within the last
 * minute is handed out again instead of a new one, so a session's idle limit counts from its last
 * renewal give or take that minute. No crypto of ours: both call the library.
 */
const REUSE_ENCODED_MS = 60_000;
const MAX_ENTRIES = 5_000;

type Decoded = { token: JWT; expiresAtMs: number };
// The same cookie always decrypts to the same token (a pure answer, lib/cache.ts); each entry also
// carries the moment it stops being one to hand out.
const decoded = new Remembered<string, Decoded>(MAX_ENTRIES);
const encoded = new Remembered<string, { token: string; at: number }>(MAX_ENTRIES);

/** The token's claims that say who and since when: what the encrypted text is about, not its dates. */
function identity(params: JWTEncodeParams): string {
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = params.token ?? {};
  return JSON.stringify([params.salt, params.maxAge, claims]);
}

export async function cachedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${params.salt}\u0000${params.token}`;
  const hit = params.token ? decoded.get(key) : undefined;
  if (hit && hit.expiresAtMs > Date.now()) return structuredClone(hit.token);
  decoded.delete(key);
  const token = await decode(params);
  if (token && params.token && typeof token.exp === 'number')
    decoded.set(key, { token: structuredClone(token), expiresAtMs: token.exp * 1000 });
  return token;
}

export async function cachedEncode(params: JWTEncodeParams): Promise<string> {
  const key = identity(params);
  const hit = encoded.get(key);
  const now = Date.now();
  if (hit && now - hit.at < REUSE_ENCODED_MS) return hit.token;
  const token = await encode(params);
  encoded.set(key, { token, at: now });
  return token;
}
