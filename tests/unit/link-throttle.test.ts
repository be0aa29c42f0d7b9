import { describe, expect, it } from 'vitest';
import { LinkThrottle } from '@/lib/arrival/link-throttle';

const T0 = new Date('2026-10-01T18:00:00Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
const MINUTE = 60_000;
// Explicit limits, so the tests do not depend on the production defaults.
const DEFAULTS = { window: 10 * MINUTE, slowAfter: 5, blockAfter: 30, block: 15 * MINUTE, maxDelay: 2_000, maxClients: 10_000 };

/** The throttle's own map, to check its size without going through its hashing. */
const clients = (throttle: LinkThrottle) => (throttle as unknown as { misses: Map<string, unknown> }).misses;

/** Records `n` misses for `address` at `now` and returns the delays given. */
function miss(throttle: LinkThrottle, address: string, n: number, now: Date): number[] {
  return Array.from({ length: n }, () => throttle.recordMiss(address, now));
}

describe('LinkThrottle', () => {
  it('does not slow down or block the first misses', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    expect(miss(throttle, '203.0.113.7', 5, at(0))).toEqual([0, 0, 0, 0, 0]);
    expect(throttle.isBlocked('203.0.113.7', at(0))).toBe(false);
  });

  it('does not block an address it has never seen', () => {
    expect(new LinkThrottle({ ...DEFAULTS }).isBlocked('203.0.113.7', at(0))).toBe(false);
  });

  it('after slowAfter misses, doubles the delay each time and caps it at maxDelay', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    const delays = miss(throttle, '203.0.113.7', 12, at(0));
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5)).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
  });

  it('never answers with more than maxDelay, however many misses', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS, blockAfter: 1_000 });
    const delays = miss(throttle, '203.0.113.7', 200, at(0));
    expect(Math.max(...delays)).toBe(2_000);
    expect(delays.every(Number.isFinite)).toBe(true);
  });

  it('honours custom slowAfter and maxDelay', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS, slowAfter: 2, maxDelay: 250 });
    expect(miss(throttle, 'a', 6, at(0))).toEqual([0, 0, 100, 200, 250, 250]);
  });

  it('blocks the address at blockAfter misses until now + block, then lets it through again', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    const address = '203.0.113.7';
    miss(throttle, address, 29, at(0));
    expect(throttle.isBlocked(address, at(0))).toBe(false);
    throttle.recordMiss(address, at(1_000));
    expect(throttle.isBlocked(address, at(1_000))).toBe(true);
    expect(throttle.isBlocked(address, at(1_000 + 15 * MINUTE - 1))).toBe(true);
    expect(throttle.isBlocked(address, at(1_000 + 15 * MINUTE))).toBe(false);
    expect(throttle.isBlocked(address, at(1_000 + 60 * MINUTE))).toBe(false);
    // Once free, the counting starts over (the window has passed too): the next miss is not slowed.
    expect(throttle.recordMiss(address, at(1_000 + 15 * MINUTE))).toBe(0);
    expect(throttle.isBlocked(address, at(1_000 + 15 * MINUTE))).toBe(false);
  });

  it('does not block or slow another address', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    miss(throttle, '203.0.113.7', 30, at(0));
    expect(throttle.isBlocked('203.0.113.7', at(0))).toBe(true);
    expect(throttle.isBlocked('203.0.113.8', at(0))).toBe(false);
    expect(throttle.isBlocked('unknown', at(0))).toBe(false);
    expect(throttle.recordMiss('203.0.113.8', at(0))).toBe(0);
  });

  it('starts counting again once the window has passed since the first miss', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    const address = '203.0.113.7';
    miss(throttle, address, 7, at(0));
    expect(throttle.recordMiss(address, at(10 * MINUTE - 1))).toBe(400); // still the same window: 8th miss
    expect(throttle.recordMiss(address, at(10 * MINUTE))).toBe(0); // a new window: first miss
    expect(miss(throttle, address, 4, at(10 * MINUTE))).toEqual([0, 0, 0, 0]);
    expect(throttle.recordMiss(address, at(10 * MINUTE))).toBe(100);
  });

  it('does not block slow guessing spread over many windows', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    const address = '203.0.113.7';
    for (let w = 0; w < 10; w++) miss(throttle, address, 29, at(w * 10 * MINUTE));
    expect(throttle.isBlocked(address, at(100 * MINUTE))).toBe(false);
  });

  it('keeps a block that started in an earlier window when a new window begins', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS, window: MINUTE, block: 10 * MINUTE });
    const address = '203.0.113.7';
    miss(throttle, address, 30, at(0));
    throttle.recordMiss(address, at(2 * MINUTE)); // a fresh window
    expect(throttle.isBlocked(address, at(2 * MINUTE))).toBe(true);
    expect(throttle.isBlocked(address, at(10 * MINUTE))).toBe(false);
  });

  it('never keeps more than maxClients addresses', () => {
    const limits = { ...DEFAULTS, window: MINUTE, blockAfter: 3, block: 5 * MINUTE, maxClients: 4 };
    const throttle = new LinkThrottle(limits);
    for (let i = 0; i < 50; i++) {
      throttle.recordMiss(`198.51.100.${i}`, at(i * 1_000));
      expect(clients(throttle).size).toBeLessThanOrEqual(4);
    }
    for (let i = 0; i < 50; i++) {
      throttle.recordMiss(`192.0.2.${i}`, at(10 * MINUTE + i * 10 * MINUTE));
      expect(clients(throttle).size).toBeLessThanOrEqual(4);
    }
  });

  it('when full, prunes the stale and unblocked addresses first, keeping the current ones', () => {
    const limits = { ...DEFAULTS, window: MINUTE, slowAfter: 1, blockAfter: 3, block: 5 * MINUTE, maxClients: 3 };
    const throttle = new LinkThrottle(limits);
    throttle.recordMiss('stale', at(0));
    miss(throttle, 'blocked', 3, at(0));
    throttle.recordMiss('recent', at(90_000));
    expect(clients(throttle).size).toBe(3);
    // Full: a new address prunes 'stale' (its window is over) but keeps the blocked one and the recent one.
    throttle.recordMiss('new', at(100_000));
    expect(clients(throttle).size).toBe(3);
    expect(throttle.isBlocked('blocked', at(100_000))).toBe(true);
    expect(throttle.recordMiss('recent', at(100_000))).toBe(100); // its second miss: it was kept
    expect(clients(throttle).size).toBe(3);
    // 'stale' was forgotten: its next miss counts as a first one (no delay) and has to prune again.
    expect(throttle.recordMiss('stale', at(100_000))).toBe(0);
    expect(clients(throttle).size).toBeLessThanOrEqual(3);
  });

  it('when full of current addresses, forgets them all rather than grow (a block is lost too)', () => {
    // Documents the trade-off in prune(): memory is bounded, at the cost of forgiving a blocked guesser.
    const throttle = new LinkThrottle({ ...DEFAULTS, blockAfter: 3, maxClients: 3 });
    miss(throttle, 'blocked', 3, at(0));
    throttle.recordMiss('b', at(0));
    throttle.recordMiss('c', at(0));
    expect(throttle.isBlocked('blocked', at(0))).toBe(true);
    throttle.recordMiss('d', at(1_000));
    expect(clients(throttle).size).toBe(1);
    expect(throttle.isBlocked('blocked', at(1_000))).toBe(false);
  });

  it('does not prune when a known address misses again while the map is full', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS, maxClients: 2 });
    throttle.recordMiss('a', at(0));
    throttle.recordMiss('b', at(0));
    expect(miss(throttle, 'a', 5, at(1_000))).toEqual([0, 0, 0, 0, 100]);
    expect(clients(throttle).size).toBe(2);
  });

  it('does not keep addresses in the clear', () => {
    const throttle = new LinkThrottle({ ...DEFAULTS });
    throttle.recordMiss('203.0.113.7', at(0));
    expect([...clients(throttle).keys()].join()).not.toContain('203.0.113.7');
  });
});
