/**
 * How long a staff session may sit idle, as the network's admin sets it: between two night flights
 * a guide may want hours, an office minutes. The 12-hour limit from sign-in holds whatever it is.
 * No database here: the proxy's copy of the Auth.js configuration uses it (lib/auth/idle-setting.ts
 * reads and saves the setting).
 */
export const IDLE_MINUTES = { min: 15, max: 240, default: 30 } as const;

/**
 * Whether a session has sat idle past its limit. `lastActiveAt` is when its token was last issued
 * (each page a staff member opens renews it); `idleMinutes` is the limit it was signed in under,
 * kept in the token so the proxy, which renews tokens without the database, applies it too. A
 * token from before the setting existed (no limit in it) gets the default.
 */
export function idleExpired(session: { lastActiveAt?: number; idleMinutes?: number }, now: number): boolean {
  if (session.lastActiveAt === undefined) return false;
  const limit = Math.min(Math.max(session.idleMinutes ?? IDLE_MINUTES.default, IDLE_MINUTES.min), IDLE_MINUTES.max);
  return !(now - session.lastActiveAt < limit * 60_000);
}
