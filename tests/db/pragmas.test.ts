import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
afterAll(test.cleanup);

describe('every connection', () => {
  it('writes ahead to a log, so readers never wait for a writer', () => {
    expect(test.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('enforces foreign keys', () => {
    expect(test.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('waits at least 5 s for a lock instead of failing at once', () => {
    expect(test.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
  });

  it('syncs fully on commit, so a power cut cannot lose a reservation', () => {
    // 2 is FULL.
    expect(test.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
