import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { registerArrival } from '@/lib/households/intake';
import { arrivalSchema } from '@/lib/validation/arrival';
import { asStaff, makeCity, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T14:00:00Z');
const intake = (values: Record<string, string>) =>
  arrivalSchema.parse({ alias: 'Solo', adultMen: '1', adultWomen: '0', children: '0', ...values });

describe('a network with one city', () => {
  it('puts a household in that city without asking; with no city at all, in none', () => {
    const guide = asStaff(makeUser(db, 'guide'));
    const none = write(db, (tx) => registerArrival(tx, guide, intake({}), NOW));
    expect(sqlite.prepare('select city_id from arrivals where id = ?').pluck().get(none)).toBeNull();
    const only = makeCity(db, 'Istanbul', { slug: 'istanbul' });
    const id = write(db, (tx) => registerArrival(tx, guide, intake({}), NOW));
    expect(sqlite.prepare('select city_id from arrivals where id = ?').pluck().get(id)).toBe(only.id);
  });
});
