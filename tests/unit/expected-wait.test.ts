import { describe, expect, it } from 'vitest';
import { expectedWait, quantile, type WaitInputs } from '@/lib/requests/expected-wait';

const hours = (...values: number[]) => values.map((h) => h * 60);
const base: WaitInputs = { waits: { men: [], women: [], families: [] }, kind: 'women', waitedMinutes: 0, freeFittingBeds: 10, peopleAhead: 1 };
const wait = (input: Partial<WaitInputs>) => expectedWait({ ...base, ...input });

describe('quantile', () => {
  it('interpolates between sorted values: the median of 1..4 is 2.5, its upper quartile 3.25', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(quantile([7], 0.75)).toBe(7);
  });
});

describe('expectedWait', () => {
  it('takes the upper quartile of the household’s own kind, rounded up to whole hours', () => {
    // Women waited 1, 2, 2, 3 and 5 hours: three in four within 3 hours.
    expect(wait({ waits: { men: hours(20, 20, 20, 20, 20), women: hours(1, 2, 2, 3, 5), families: [] } })).toEqual({ kind: 'hours', hours: 3 });
  });

  it('falls back to the whole network when the kind has fewer than five waits', () => {
    // Women: two waits only; the network's nine (2×1 h, 4 h, 6×10 h) give an upper quartile of 10 h.
    expect(wait({ waits: { men: hours(10, 10, 10, 10, 10, 10), women: hours(1, 1), families: hours(4) } })).toEqual({ kind: 'hours', hours: 10 });
  });

  it('says nothing it cannot know: fewer than five waits in the whole network', () => {
    expect(wait({ waits: { men: hours(1), women: hours(1, 2), families: hours(3) } })).toEqual({ kind: 'unknown' });
  });

  it('counts only waits longer than this household’s own, and what remains of them', () => {
    const waits = { men: [], women: hours(1, 1, 1, 1, 1, 5, 6, 6, 7, 8), families: [] };
    // Already 4 h: the longer waits are 5, 6, 6, 7, 8 h; their upper quartile 7 h is 3 h from now.
    expect(wait({ waits, waitedMinutes: 240 })).toEqual({ kind: 'hours', hours: 3 });
    // Longer than almost everyone: too few to say.
    expect(wait({ waits, waitedMinutes: 7 * 60 + 30 })).toEqual({ kind: 'unknown' });
  });

  it('says probably tomorrow when tonight’s fitting beds are fewer than the people of the kind waiting', () => {
    const waits = { men: [], women: [30, 30, 30, 30, 30], families: [] };
    expect(wait({ waits, freeFittingBeds: 3, peopleAhead: 4 })).toEqual({ kind: 'tonightFull' });
    expect(wait({ waits, freeFittingBeds: 4, peopleAhead: 4 })).toEqual({ kind: 'underHour' });
    // Even with no history: no bed tonight is no bed tonight.
    expect(wait({ freeFittingBeds: 0, peopleAhead: 1 })).toEqual({ kind: 'tonightFull' });
  });

  it.each([
    [[10, 20, 30, 40, 50], { kind: 'underHour' }],
    [[60, 60, 60, 60, 61], { kind: 'hours', hours: 1 }],
    [hours(5, 5, 5, 6, 6), { kind: 'hours', hours: 6 }],
    [hours(7, 7, 7, 7, 7), { kind: 'hours', hours: 8 }],
    [hours(11, 11, 11, 11, 11), { kind: 'hours', hours: 12 }],
    [hours(13, 13, 13, 13, 13), { kind: 'hours', hours: 18 }],
    [hours(20, 20, 20, 20, 20), { kind: 'tomorrow' }],
    [hours(40, 40, 40, 40, 40), { kind: 'days' }],
  ])('rounds %j minutes to a friendly figure', (minutes, expected) => {
    expect(wait({ waits: { men: [], women: minutes as number[], families: [] } })).toEqual(expected);
  });
});
