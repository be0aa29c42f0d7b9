import { describe, expect, it } from 'vitest';
import { expectedWait, quantile, type WaitInputs } from '@/lib/requests/expected-wait';

const hours = (...values: number[]) => values.map((h) => h * 60);
const base: WaitInputs = {
  waits: { men: [], women: [], families: [] },
  kind: 'women',
  waitedMinutes: 0,
  freeFittingBeds: 10,
  peopleAhead: 1,
};
const wait = (input: Partial<WaitInputs>) => expectedWait({ ...base, ...input });

describe('quantile', () => {
  it('interpolates between sorted values: the median of 1..4 is 2.5, its upper quartile 3.25', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(quantile([7], 0.75)).toBe(7);
  });
});

describe('expectedWait', () => {
  it('says within the hour when a fitting bed is free for her and everyone of her kind ahead, however long people once waited', () => {
    // Women waited 6 to 10 hours this fortnight, on nights with no bed; tonight has beds.
    const waits = { men: [], women: hours(6, 8, 8, 9, 10), families: [] };
    expect(wait({ waits, freeFittingBeds: 28, peopleAhead: 1 })).toEqual({ kind: 'underHour' });
    expect(wait({ waits, freeFittingBeds: 4, peopleAhead: 4 })).toEqual({ kind: 'underHour' });
    expect(wait({ freeFittingBeds: 1, peopleAhead: 1 })).toEqual({ kind: 'underHour' });
  });

  it('says probably tomorrow when tonight’s fitting beds are fewer than the people of the kind waiting', () => {
    const waits = { men: [], women: [30, 30, 30, 30, 30], families: [] };
    expect(wait({ waits, freeFittingBeds: 3, peopleAhead: 4 })).toEqual({ kind: 'tonightFull' });
    // Even with no history: no bed tonight is no bed tonight.
    expect(wait({ freeFittingBeds: 0, peopleAhead: 1 })).toEqual({ kind: 'tonightFull' });
  });

  it('says a few days when tonight is full and three in four who had waited as long waited 36 hours more', () => {
    const full = { freeFittingBeds: 0, peopleAhead: 1 };
    expect(wait({ ...full, waits: { men: [], women: hours(40, 40, 40, 40, 40), families: [] } })).toEqual({ kind: 'days' });
    // 36 hours exactly is still tomorrow.
    expect(wait({ ...full, waits: { men: [], women: hours(36, 36, 36, 36, 36), families: [] } })).toEqual({ kind: 'tonightFull' });
  });

  it('falls back to the whole network’s waits when the kind has fewer than five, and counts only what remains of longer waits', () => {
    const full = { freeFittingBeds: 0, peopleAhead: 1 };
    // Women: two waits only; the network's (men's 50 h) say days.
    expect(wait({ ...full, waits: { men: hours(50, 50, 50, 50, 50), women: hours(1, 1), families: [] } })).toEqual({ kind: 'days' });
    // Already 20 h of 50: 30 h remain, so tomorrow.
    expect(wait({ ...full, waitedMinutes: 20 * 60, waits: { men: hours(50, 50, 50, 50, 50), women: [], families: [] } })).toEqual({
      kind: 'tonightFull',
    });
    // Fewer than five anywhere: no claim of days.
    expect(wait({ ...full, waits: { men: hours(90), women: hours(90), families: [] } })).toEqual({ kind: 'tonightFull' });
  });
});
