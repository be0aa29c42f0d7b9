import type { NextAuthConfig } from 'next-auth';
import { IDLE_MINUTES, idleExpired } from './idle';
import { cachedDecode, cachedEncode } from './jwt-cache';

/**
 * A session ends 12 hours after sign-in whatever happens, and after the network's idle limit
 * without a request (lib/auth/idle.ts); the cookie itself lives no longer than the longest limit.
 */
export const SESSION_LIMITS = { absoluteMs: 12 * 60 * 60_000, idleSeconds: IDLE_MINUTES.max * 60 } as const;

/** When a token was last issued (its last activity) and the idle limit it carries. */
export const idleClaim = (token: { iat?: number; idleMinutes?: number }) => ({
  lastActiveAt: typeof token.iat === 'number' ? token.iat * 1000 : undefined,
  idleMinutes: token.idleMinutes,
});

export const sessionExpired = (signedInAt: number, now: number) => !(now - signedInAt < SESSION_LIMITS.absoluteMs);

/**
 * The part of the Auth.js configuration with no Node-only code (the proxy uses it too). Sessions are
 * JWTs carrying the user id, role and the moment of sign-in; every check re-reads the user from the
 * database, so a role change, a disabled account or a sign-out takes effect at the next request.
 *
 * Idle: Auth.js re-issues the JWT each time the session is read with a response to carry the
 * cookie (the proxy does so on every page a staff member opens), so its `iat` is the last activity;
 * this callback and `loadStaffUser` refuse a token idle past the limit it carries (`idleMinutes`,
 * the network's setting at sign-in), and the cookie expires after the longest limit anyway.
 * Absolute: `signedInAt` never changes, and both refuse a session older than 12 hours.
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
      if (!user && idleExpired(idleClaim(token), Date.now())) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? '');
      session.user.role = token.role;
      session.signedInAt = Number(token.signedInAt ?? 0);
      Object.assign(session, idleClaim(token));
      return session;
    },
  },
} satisfies NextAuthConfig;
