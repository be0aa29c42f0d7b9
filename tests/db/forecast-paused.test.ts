import { afterAll, describe, expect, it } from 'vitest';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { networkNights, shelterNights } from '@/lib/forecast/view';
import { makeCity, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(() => cleanup());

// 18:00 in Istanbul on Saturday 24 Oct 2026.
const now = new Date('2026-10-24T15:00:00Z');
const istanbul = makeCity(db, 'Istanbul');
const fatih = makeShelter(db, { name: 'Fatih', cityId: istanbul.id, status: 'open' });
makeRoom(db, fatih.id, 'men', 3);
// Paused: its host takes nobody now, whatever its beds.
const sisli = makeShelter(db, { name: 'Şişli', cityId: istanbul.id, status: 'paused' });
makeRoom(db, sisli.id, 'women', 7);

describe('the forecast leaves paused shelters out', () => {
  it('counts only the open shelter’s beds as free for sure, tonight and every night after', () => {
    const result = forecast(loadForecastInput(db, now, { cityIds: [istanbul.id] }));
    expect(networkNights(result).map((night) => night.certain)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(shelterNights(result, [{ id: sisli.id, name: 'Şişli' }])[0].expectedFree).toBeNull();
  });

  it('and the network’s too', () => {
    expect(networkNights(forecast(loadForecastInput(db, now))).every((night) => night.byKind.women.certain === 0)).toBe(true);
  });
});
