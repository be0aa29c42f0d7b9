import { describe, expect, it } from 'vitest';
import { aliasMatches, filterQueue, isKind, QUEUE_PAGE, queueHref, queueQuery, type Filterable } from '@/lib/households/filters';

const now = new Date('2026-11-30T20:00:00Z');
const tonight = '2026-11-30';
const household = (alias: string | null, counts: Partial<Filterable['composition']> = {}, extra: Partial<Filterable> = {}): Filterable => ({
  alias,
  composition: { adultMen: 0, adultWomen: 0, children: 0, needsWheelchair: false, hasPet: false, ...counts },
  selfRegistered: false,
  arrivedAt: new Date('2026-11-30T18:00:00Z'),
  expectedAt: null,
  ...extra,
});

const anton = household('Anton', { adultMen: 1 });
const brothers = household('Brothers', { adultMen: 2 });
const olga = household('Olga', { adultWomen: 1 });
const couple = household('Couple', { adultMen: 1, adultWomen: 1 });
const mother = household('Mother', { adultWomen: 1, children: 2 });
const father = household('Father', { adultMen: 1, children: 1 });
const ömer = household('Ömer', { adultMen: 1, needsWheelchair: true }, { selfRegistered: true });
const lands = household('Lands later', { adultWomen: 1 }, { expectedAt: new Date('2026-11-30T23:30:00Z') });
const booked = household('Booked', { adultMen: 1 }, { firstNight: '2026-12-02' });
const all = [anton, brothers, olga, couple, mother, father, ömer, lands, booked];
const aliases = (list: Filterable[]) => list.map((h) => h.alias);

describe('the queue’s kinds', () => {
  it('men are households of adult men only; women of adult women only', () => {
    expect(aliases(all.filter((h) => isKind(h, 'men', now, tonight)))).toEqual(['Anton', 'Brothers', 'Ömer', 'Booked']);
    expect(aliases(all.filter((h) => isKind(h, 'women', now, tonight)))).toEqual(['Olga', 'Lands later']);
  });

  it('families have children, or adults of both sexes; a father with his child is a family, not "men"', () => {
    expect(aliases(all.filter((h) => isKind(h, 'families', now, tonight)))).toEqual(['Couple', 'Mother', 'Father']);
  });

  it('wheelchair, asked online, and booked ahead (lands later than now, or a reservation from a later night)', () => {
    expect(aliases(all.filter((h) => isKind(h, 'wheelchair', now, tonight)))).toEqual(['Ömer']);
    expect(aliases(all.filter((h) => isKind(h, 'online', now, tonight)))).toEqual(['Ömer']);
    expect(aliases(all.filter((h) => isKind(h, 'ahead', now, tonight)))).toEqual(['Lands later', 'Booked']);
    // Tonight's reservation is not booked ahead; neither is someone who landed an hour ago.
    expect(isKind(household('x', { adultMen: 1 }, { firstNight: tonight }), 'ahead', now, tonight)).toBe(false);
  });
});

describe('search by alias', () => {
  it('ignores case and accents, finds parts of an alias, and never matches an unnamed household', () => {
    expect(aliasMatches('Ömer', 'omer')).toBe(true);
    expect(aliasMatches('Anton', 'NTO')).toBe(true);
    expect(aliasMatches('Anton', 'Boris')).toBe(false);
    expect(aliasMatches(null, 'a')).toBe(false);
    expect(aliasMatches(null, '')).toBe(true);
  });

  it('combines with a kind, keeping the queue’s order', () => {
    expect(aliases(filterQueue(all, { kind: 'men', q: 'o' }, now, tonight))).toEqual(['Anton', 'Brothers', 'Ömer', 'Booked']);
    expect(aliases(filterQueue(all, { kind: 'families', q: 'o' }, now, tonight))).toEqual(['Couple', 'Mother']);
    expect(filterQueue(all, { kind: null, q: '' }, now, tonight)).toBe(all);
  });
});

describe('the query string', () => {
  it('reads the view, kind, search and how many are shown, and refuses what it does not know', () => {
    expect(queueQuery({ view: 'placed', kind: 'men', q: '  Anton ', shown: '120' }, 'guide')).toEqual({
      view: 'placed',
      kind: 'men',
      q: 'Anton',
      shown: 150,
      city: null,
    });
    expect(queueQuery({ view: 'nonsense', kind: ['women', 'men'], shown: '-5' }, 'guide')).toEqual({
      view: 'waiting',
      kind: 'women',
      q: '',
      shown: QUEUE_PAGE,
      city: null,
    });
    expect(queueQuery({ kind: 'drop table', shown: '1e9' }, 'guide')).toEqual({
      view: 'waiting',
      kind: null,
      q: '',
      shown: QUEUE_PAGE,
      city: null,
    });
    expect(queueQuery({ shown: '999999' }, 'guide').shown).toBe(5_000);
    expect(queueQuery({ q: 'x'.repeat(100) }, 'guide').q).toHaveLength(40);
  });

  it('drops an admin’s search: admins see no names, so they cannot probe for one either', () => {
    expect(queueQuery({ q: 'Anton', kind: 'men' }, 'admin')).toEqual({
      view: 'waiting',
      kind: 'men',
      q: '',
      shown: QUEUE_PAGE,
      city: null,
    });
  });

  it('links keep the other choices and leave out the defaults', () => {
    const query = queueQuery({ view: 'placed', kind: 'men', q: 'An ton' }, 'guide');
    expect(queueHref(query, { kind: null })).toBe('/arrivals?view=placed&q=An+ton');
    expect(queueHref(query, { view: 'waiting', kind: null, q: '' })).toBe('/arrivals');
    expect(queueHref(query, { shown: 100 })).toBe('/arrivals?view=placed&kind=men&q=An+ton&shown=100');
  });
});
