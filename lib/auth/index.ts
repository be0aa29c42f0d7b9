import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { authConfig } from './config';
import { clientAddress } from './client-address';
import { checkCredentials } from './sign-in';

/** Thrown while an email or address is refused after too many failures; the form says until when. */
export class SignInLocked extends CredentialsSignin {
  code = 'locked';
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
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
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(getDb(), {
          ...parsed.data,
          address: clientAddress(request.headers),
          now: new Date(),
        });
        if (result.kind === 'locked') throw new SignInLocked();
        if (result.kind === 'rejected') return null;
        return { id: result.user.id, role: result.user.role, name: result.user.name, email: result.user.email };
      },
    }),
  ],
});
