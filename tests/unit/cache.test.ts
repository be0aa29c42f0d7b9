import { describe, expect, it } from 'vitest';
import { Remembered, Stamped } from '@/lib/cache';

describe('Remembered', () => {
  it('keeps answers and forgets the oldest once its limit is reached', () => {
    const kept = new Remembered<string, number>(2);
    expect(kept.set('a', 1)).toBe(1);
    kept.set('b', 2);
    kept.set('c', 3);
    expect(kept.get('a')).toBeUndefined();
    expect([kept.get('b'), kept.get('c'), kept.size]).toEqual([2, 3, 2]);
  });

  it('replaces an answer without forgetting another', () => {
    const kept = new Remembered<string, number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    kept.set('b', 20);
    expect([kept.get('a'), kept.get('b')]).toEqual([1, 20]);
  });
});

describe('Stamped', () => {
  it('hands a value back only under the stamp it was read under', () => {
    const kept = new Stamped<string>('test.fresh');
    const connection = {};
    kept.keep(connection, 'shelter-1', 'stamp-a', 'rows read under a');
    expect(kept.fresh(connection, 'shelter-1', 'stamp-a')).toBe('rows read under a');
    expect(kept.fresh(connection, 'shelter-1', 'stamp-b')).toBeUndefined();
    expect(kept.fresh(connection, 'shelter-2', 'stamp-a')).toBeUndefined();
  });

  it('keeps each connection apart, and shares them with another copy under the same name', () => {
    const kept = new Stamped<string>('test.shared');
    const one = {};
    const other = {};
    kept.keep(one, 'layout', 's', 'of one');
    expect(kept.fresh(other, 'layout', 's')).toBeUndefined();
    // The warm-up's copy of the module and the routes' copy find the same values.
    expect(new Stamped<string>('test.shared').fresh(one, 'layout', 's')).toBe('of one');
  });
});
