import { describe, expect, it } from 'vitest';
import { addCounts, bedState, countBeds, emptyCounts } from '@/lib/shelters/bed-state';

const NOW = new Date('2026-03-01T20:00:00Z');
const later = new Date(NOW.getTime() + 60 * 60_000);
const earlier = new Date(NOW.getTime() - 60_000);
const inService = { outOfService: false };
const broken = { outOfService: true };
const closed = { outOfService: false, closed: true };

describe('bedState', () => {
  it('shows a free bed with no hold as free', () => {
    expect(bedState(inService, null, NOW)).toBe('free');
    expect(bedState(inService, undefined, NOW)).toBe('free');
  });

  it('shows a bed held by someone checked in as occupied, whatever the hold time', () => {
    expect(bedState(inService, { status: 'checked_in', holdUntil: later }, NOW)).toBe('occupied');
    expect(bedState(inService, { status: 'checked_in', holdUntil: earlier }, NOW)).toBe('occupied');
  });

  it('shows a reservation as reserved until its hold time', () => {
    expect(bedState(inService, { status: 'reserved', holdUntil: later }, NOW)).toBe('reserved');
  });

  it('frees the bed once the hold time has passed, as soon as anyone reads it', () => {
    expect(bedState(inService, { status: 'reserved', holdUntil: earlier }, NOW)).toBe('free');
    // Exactly at the hold time the reservation no longer holds.
    expect(bedState(inService, { status: 'reserved', holdUntil: NOW }, NOW)).toBe('free');
  });

  it('shows a bed with a reason as out of service once its expired hold is ignored', () => {
    expect(bedState(broken, { status: 'reserved', holdUntil: earlier }, NOW)).toBe('out_of_service');
    expect(bedState(broken, null, NOW)).toBe('out_of_service');
  });

  it('shows a bed of a room or shelter closed tonight as closed, unless someone holds it', () => {
    expect(bedState(closed, null, NOW)).toBe('closed');
    expect(bedState(closed, { status: 'reserved', holdUntil: later }, NOW)).toBe('reserved');
    expect(bedState({ outOfService: true, closed: true }, null, NOW)).toBe('out_of_service');
  });

  it('does not count a finished stay as a hold', () => {
    expect(bedState(inService, { status: 'checked_out', holdUntil: later }, NOW)).toBe('free');
    expect(bedState(inService, { status: 'cancelled', holdUntil: later }, NOW)).toBe('free');
  });
});

describe('countBeds and addCounts', () => {
  it('counts each state and the total', () => {
    expect(countBeds(['free', 'free', 'reserved', 'occupied', 'out_of_service', 'free', 'closed'])).toEqual({
      total: 7,
      free: 3,
      reserved: 1,
      occupied: 1,
      outOfService: 1,
      closed: 1,
      // Surge beds (decision 0026) are counted apart, by their own count.
      surge: 0,
      surgeFree: 0,
    });
    expect(countBeds([])).toEqual({ total: 0, free: 0, reserved: 0, occupied: 0, outOfService: 0, closed: 0, surge: 0, surgeFree: 0 });
  });

  it('adds two rooms into a shelter total', () => {
    const a = countBeds(['free', 'reserved', 'out_of_service']);
    const b = countBeds(['occupied', 'occupied', 'free', 'free']);
    expect(addCounts(a, b)).toEqual({ total: 7, free: 3, reserved: 1, occupied: 2, outOfService: 1, closed: 0, surge: 0, surgeFree: 0 });
    expect(addCounts(emptyCounts(), a)).toEqual(a);
  });
});
