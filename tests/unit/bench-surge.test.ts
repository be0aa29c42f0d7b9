import { describe, expect, it } from 'vitest';
import { aliasMatches, QUEUE_PAGE, queueQuery } from '@/lib/households/filters';
import { SMOKE } from '../bench/run';
import { failureKinds } from '../bench/surge';
import { surgeAlias } from '../bench/surge-network';

// The surge bench's pieces that need no server. Its simulated guide finds the household they met in
// a long queue as a guide does, by its alias in the queue's search, and the smoke run's queue is
// longer than a page, so that a guide looking on the first page only fails it (issue 29).

describe('npm run bench -- surge', () => {
  it('finds each household alone by searching its alias', () => {
    const aliases = [
      ...Array.from({ length: 150 }, (_, i) => surgeAlias('Surge', i + 1)),
      ...Array.from({ length: 60 }, (_, i) => surgeAlias('Backlog', i + 1)),
      ...Array.from({ length: 60 }, (_, i) => surgeAlias('Asker', i + 1)),
    ];
    for (const alias of aliases) {
      // What the server searches for when a guide opens /arrivals?q=<alias>.
      const { q } = queueQuery({ q: alias }, 'guide');
      expect(q).toBe(alias);
      expect(aliases.filter((other) => aliasMatches(other, q))).toEqual([alias]);
    }
  });

  it("smoke: enough volunteers, over a queue longer than a page, that each guide's household is past it", () => {
    const surge = SMOKE.surge;
    expect(Math.max(...surge.levels)).toBeGreaterThanOrEqual(60);
    // Households waiting longer than any guide's own are listed before it (longest waiting first).
    expect(surge.queueBacklog).toBeGreaterThanOrEqual(QUEUE_PAGE);
    // Its level passes on the walk alone: no time is judged.
    expect(surge.p95LimitMs).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports each kind of failure once, less the ids in it', () => {
    expect(
      failureKinds([
        'queue: household U1QfZNpc-P_5nnDM not found by its alias',
        'queue: household 9ACu0FiEtL4VnxcO not found by its alias',
        'check_in: refused hIXCQlwtJHjRqw0o (stayNotReserved)',
        "reserve: neither a link, the request's link, nor a lost race for ek_4BdPBAeEgo1ly (elsewhereNotChosen,reservedOnRequestLink)",
        'household answered 500',
      ]),
    ).toBe(
      [
        'queue: household … not found by its alias ×2',
        'check_in: refused … (stayNotReserved) ×1',
        "reserve: neither a link, the request's link, nor a lost race for … (elsewhereNotChosen,reservedOnRequestLink) ×1",
        'household answered 500 ×1',
      ].join('; '),
    );
    expect(failureKinds([])).toBe('none');
  });
});
