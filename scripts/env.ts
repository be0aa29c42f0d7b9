import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The demo's AUTH_SECRET: made once and kept next to the demo database, so sessions survive a
 * restart and nobody has to create one by hand.
 */
export function demoAuthSecret(databasePath: string): string {
  const file = join(dirname(databasePath), '.auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
