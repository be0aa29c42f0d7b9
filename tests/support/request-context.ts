import { encode } from 'next-auth/jwt';

/**
 * The request a server action runs in: the headers and cookie jar that `next/headers` hands out.
 * Tests point `next/headers` at this so actions run outside a Next server with real session cookies.
 */
export class RequestContext {
  private jar = new Map<string, string>();
  address = '203.0.113.7';

  headers(): Headers {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    return new Headers({ host: 'localhost:3000', 'x-forwarded-proto': 'http', 'x-forwarded-for': this.address, cookie });
  }

  cookies() {
    return {
      get: (name: string) => (this.jar.has(name) ? { name, value: this.jar.get(name)! } : undefined),
      getAll: () => [...this.jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => this.jar.has(name),
      set: (name: string, value: string, options?: { maxAge?: number; expires?: Date }) => {
        const expired = options?.maxAge === 0 || (options?.expires && options.expires.getTime() <= Date.now());
        if (expired || value === '') this.jar.delete(name);
        else this.jar.set(name, value);
      },
      delete: (name: string) => this.jar.delete(name),
    };
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  clear(): void {
    this.jar.clear();
  }

  /** The jar as it is now, to `restore` before each of many posts made in one session. */
  saved(): ReadonlyMap<string, string> {
    return new Map(this.jar);
  }

  restore(jar: ReadonlyMap<string, string>): void {
    this.jar = new Map(jar);
  }

  /** Signs in as `user` with a real Auth.js session cookie, issued at `signedInAt`. */
  async signInAs(user: { id: string; role: string }, signedInAt = Date.now()): Promise<void> {
    this.clear();
    const salt = 'authjs.session-token';
    const value = await encode({
      token: { sub: user.id, uid: user.id, role: user.role as never, signedInAt },
      secret: process.env.AUTH_SECRET!,
      salt,
    });
    this.jar.set(salt, value);
  }
}
