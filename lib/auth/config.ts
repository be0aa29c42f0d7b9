import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js configuration with no Node-only code. Sessions are JWTs carrying the user
 * id, role and the moment of sign-in; every check re-reads the user from the database, so a role
 * change, a disabled account or a sign-out takes effect at the next request.
 */
export const authConfig = {
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.signedInAt = Date.now();
      }
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
