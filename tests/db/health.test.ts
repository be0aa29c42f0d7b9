import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';

// The health check as a monitor sees it when the database cannot be opened: this file's process
// never gets a connection (a directory stands where the database file should be).
const dir = mkdtempSync(join(tmpdir(), 'waystation-health-'));
process.env.DATABASE_PATH = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the health check', () => {
  it('answers 503 when the database cannot be read, and says nothing about why', async () => {
    const response = await GET(new Request('http://localhost:3000/api/health'));
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).toBe('database unavailable\n');
    expect(body).not.toContain(dir);
    expect(response.headers.get('cache-control')).toContain('no-store');
  });

  it('refuses a body it would never read', async () => {
    const response = await GET(
      new Request('http://localhost:3000/api/health', { headers: { 'content-length': String(10 * 1024 * 1024) } }),
    );
    expect(response.status).toBe(413);
  });
});
