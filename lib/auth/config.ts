import type { NextAuthConfig } from 'next-auth';
import { cachedDecode, cachedEncode } from './jwt-cache';

/** A session ends 12 hours after sign-in whatever happens, and after 30 minutes without a request. */
export const SESSION_LIMITS = { absoluteMs: 12 * 60 * 60_000, idleSeconds: 30 * 60 } as const;

export const sessionExpired = (signedInAt: number, now: number) => !(now - signedInAt < SESSION_LIMITS.absoluteMs);

/**
 * The part of the Auth.js configuration with no Node-only code (the proxy uses it too). Sessions are
 * JWTs carrying the user id, role and the moment of sign-in; every check re-reads the user from the
 * database, so a role change, a disabled account or a sign-out takes effect at the next request.
 *
 * Idle: the JWT expires `maxAge` after it was last issued, and Auth.js re-issues it each time the
 * session is read with a response to carry the cookie (the proxy does so on every page a staff
 * member opens). Absolute: `signedInAt` never changes, and both this callback and `loadStaffUser`
 * refuse a session older than 12 hours.
 */
export const authConfig = {
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_LIMITS.idleSeconds },
  // The library's own token encode and decode, remembered for a moment (lib/auth/jwt-cache.ts).
  jwt: { encode: cachedEncode, decode: cachedDecode },
  // Behind HTTPS (an https AUTH_URL) the cookies are always `__Secure-`/`__Host-` and Secure, even if
  // the reverse proxy forgets X-Forwarded-Proto; otherwise Auth.js decides per request.
  useSecureCookies: process.env.AUTH_URL?.startsWith('https://') || undefined,
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.signedInAt = Date.now();
      }
      // null ends the session: Auth.js clears the cookie instead of renewing it.
      if (sessionExpired(Number(token.signedInAt ?? 0), Date.now())) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? '');
      session.user.role = token.role;
      session.signedInAt = Number(token.signedInAt ?? 0);
      return session;
    },
  },
} satisfies NextAuthConfig;
