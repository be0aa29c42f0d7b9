import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface User {
    role?: Role;
  }
  interface Session {
    signedInAt: number;
    lastActiveAt?: number;
    idleMinutes?: number;
    user: { id: string; role?: Role; name?: string | null; email?: string | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    signedInAt?: number;
    idleMinutes?: number;
  }
}
