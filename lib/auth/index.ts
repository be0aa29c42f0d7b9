import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getDb, write } from '@/db';
import { servedOverHttps } from '@/lib/security/headers';
import { endSessions } from '@/lib/staff/accounts';
import { clientAddress } from './client-address';
import { authConfig, idleClaim } from './config';
import { deviceCookieName, deviceCookieOptions } from './device-cookie';
import { idleMinutesOf } from './idle-setting';
import { checkCredentials } from './sign-in';
import { sessionStands } from './staff';

/** Thrown while an email, address or device is refused after too many failures; the form says until when. */
export class SignInLocked extends CredentialsSignin {
  code = 'locked';
}
/** The password was right and the account has a second factor: the form asks for the code. */
export class CodeNeeded extends CredentialsSignin {
  code = 'code_needed';
}
export class CodeRejected extends CredentialsSignin {
  code = 'code_rejected';
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
  code: z.string().max(40).optional(),
  ticket: z.string().max(200).optional(),
});

const claimOf = (token: { uid?: string; signedInAt?: number; iat?: number; idleMinutes?: number }) => ({
  userId: String(token.uid ?? ''),
  signedInAt: Number(token.signedInAt ?? 0),
  ...idleClaim(token),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A failed sign-in is routine, not an error: logging it would fill the log with stack traces
    // and, through the request, with the addresses of people trying to sign in.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      // An expired session (30 idle minutes, 12 hours) is routine too; the person just signs in again.
      if (error.name === 'JWTSessionError') return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // The database decides whether a session stands (disabled, signed out, password changed, 12
    // hours), so /api/auth/session answers nothing for a session that ended and clears its cookie.
    // Only here, on the Node side: the proxy's copy of the configuration cannot reach the database.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (!token) return token;
      // The network's idle limit at sign-in travels in the token, for the proxy to apply as well.
      if (params.user) return { ...token, idleMinutes: idleMinutesOf(getDb()) };
      return sessionStands(getDb(), claimOf(token), new Date()) ? token : null;
    },
  },
  events: {
    // Every way out (the app's button, Auth.js's own POST /api/auth/signout) ends the session on the
    // server, so a copy of the cookie made before opens nothing afterwards.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (!token?.uid) return;
      const now = new Date();
      const db = getDb();
      if (sessionStands(db, claimOf(token), now)) write(db, (tx) => endSessions(tx, String(token.uid), now));
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {}, ticket: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const https = servedOverHttps(new URL(request.url), request.headers);
        const result = await checkCredentials(getDb(), {
          ...parsed.data,
          code: parsed.data.code?.trim() || undefined,
          address: clientAddress(request.headers),
          deviceCookie: (await cookies()).get(deviceCookieName(https))?.value,
          now: new Date(),
        });
        if (result.kind === 'locked') throw new SignInLocked();
        if (result.kind === 'codeNeeded') throw new CodeNeeded();
        if (result.kind === 'codeRejected') throw new CodeRejected();
        if (result.kind === 'rejected') return null;
        (await cookies()).set(deviceCookieName(https), result.deviceCookie, deviceCookieOptions(https));
        return { id: result.user.id, role: result.user.role, name: result.user.name, email: result.user.email };
      },
    }),
  ],
});
