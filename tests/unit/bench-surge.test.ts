import { describe, expect, it } from 'vitest';
import { failureKinds } from '../bench/surge';

// The surge bench's pieces that need no server. Its simulated guide finds the household they met in
// a long queue as a guide does, by its alias in the queue's search, and the smoke run's queue is
// longer than a page, so that a guide looking on the first page only fails it (issue 29).

describe('npm run bench -- surge', () => {
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
