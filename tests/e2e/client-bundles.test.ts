import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What a phone downloads: the JavaScript the build ships to browsers (.next/static, built by this run's
// global setup). A client component that takes a constant from a server module takes the module's
// imports too: the password forms once brought the database schema, zod and the common-password
// dictionary, 1.1 MB for the number 12.
const CHUNKS = join(__dirname, '..', '..', '.next', 'static', 'chunks');
const SERVER_LIBRARIES = {
  'drizzle-orm': 'drizzle:entityKind',
  zod: '$ZodType',
};

describe('the JavaScript sent to browsers', () => {
  it('carries no server library', () => {
    const chunks = readdirSync(CHUNKS).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(0);
    const found = chunks.flatMap((name) => {
      const text = readFileSync(join(CHUNKS, name), 'utf8');
      return Object.entries(SERVER_LIBRARIES)
        .filter(([, marker]) => text.includes(marker))
        .map(([library]) => `${library} in ${name}`);
    });
    expect(found).toEqual([]);
  });
});
