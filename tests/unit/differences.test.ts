import { describe, expect, it } from 'vitest';
import { cardReasons, differencesFrom } from '@/lib/matching/differences';
import type { Reason, Suggestion } from '@/lib/matching/suggest';

const NOW = new Date('2026-10-01T20:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const card = (name: string, reasons: Reason[]): Suggestion => ({
  shelterId: name,
  shelterName: name,
  district: 'x',
  score: 0,
  beds: [],
  reasons,
  unusedRooms: [],
});
const base = (over: Partial<Record<Reason['code'], Reason | null>> = {}): Reason[] =>
  (
    [
      over.oneRoom !== undefined ? over.oneRoom : { code: 'oneRoom', room: 'Dorm', kind: 'men', free: 6 },
      over.severalRooms ?? null,
      over.distance !== undefined ? over.distance : { code: 'distance', km: 33, from: 'Istanbul Airport' },
      over.speaks !== undefined ? over.speaks : { code: 'speaks', languages: ['ru'] },
      over.wheelchair ?? null,
      over.freeAfter ?? { code: 'freeAfter', free: 5, total: 10 },
      over.confirmed ?? { code: 'confirmed', at: minutesAgo(10) },
    ] as (Reason | null)[]
  ).filter((r): r is Reason => r !== null);

describe('what sets a card apart from the one above it', () => {
  it('the first card gives its own reasons; the next ones what differs, naming the card above', () => {
    const fatih = card('Fatih', base());
    const kadikoy = card(
      'Kadıköy',
      base({
        distance: { code: 'distance', km: 45.2, from: 'Istanbul Airport' },
        oneRoom: { code: 'oneRoom', room: 'Hall', kind: 'mixed', free: 8 },
      }),
    );
    expect(cardReasons([fatih, kadikoy], NOW)).toEqual([
      { kind: 'main', reasons: fatih.reasons },
      {
        kind: 'differences',
        above: 'Fatih',
        differences: [
          { code: 'farther', km: 12 },
          { code: 'oneRoom', kind: 'mixed', versus: 'men' },
        ],
      },
    ]);
  });

  it('says a card is nearer, with the kilometres rounded, and ignores less than a kilometre', () => {
    const above = card('A', base({ distance: { code: 'distance', km: 12.3, from: 'Esenler' } }));
    expect(differencesFrom(card('B', base({ distance: { code: 'distance', km: 8.9, from: 'Esenler' } })), above, NOW)).toEqual([
      { code: 'nearer', km: 3.4 },
    ]);
    expect(differencesFrom(card('B', base({ distance: { code: 'distance', km: 12.9, from: 'Esenler' } })), above, NOW)).toEqual([
      { code: 'same' },
    ]);
    expect(differencesFrom(card('B', base({ distance: null })), above, NOW)).toEqual([{ code: 'noDistance' }]);
  });

  it('names the languages one speaks and the other does not', () => {
    const above = card('A', base({ speaks: { code: 'speaks', languages: ['ru', 'en'] } }));
    expect(differencesFrom(card('B', base({ speaks: { code: 'speaks', languages: ['ru', 'uk'] } })), above, NOW)).toEqual([
      { code: 'speaks', languages: ['uk'] },
      { code: 'doesNotSpeak', languages: ['en'] },
    ]);
    expect(differencesFrom(card('B', base({ speaks: null })), card('A', base()), NOW)).toEqual([
      { code: 'doesNotSpeak', languages: ['ru'] },
    ]);
  });

  it('says when beds are together in one room where the card above spread them, and the other way round', () => {
    const spread = card('A', base({ oneRoom: null, severalRooms: { code: 'severalRooms', count: 2 } }));
    expect(differencesFrom(card('B', base()), spread, NOW)).toEqual([{ code: 'oneRoom', kind: 'men', versus: null }]);
    expect(differencesFrom(spread, card('B', base()), NOW)).toEqual([{ code: 'severalRooms', count: 2 }]);
  });

  it('compares confirmations only when they are of different freshness (an hour, six hours, a day, older, never)', () => {
    const above = card('A', base());
    expect(differencesFrom(card('B', base({ confirmed: { code: 'confirmed', at: minutesAgo(40) } })), above, NOW)).toEqual([
      { code: 'same' },
    ]);
    expect(differencesFrom(card('B', base({ confirmed: { code: 'confirmed', at: minutesAgo(180) } })), above, NOW)).toEqual([
      { code: 'confirmed', at: minutesAgo(180), versus: minutesAgo(10) },
    ]);
    expect(differencesFrom(card('B', base({ confirmed: { code: 'notConfirmed' } })), above, NOW)).toEqual([
      { code: 'confirmed', at: null, versus: minutesAgo(10) },
    ]);
  });

  it('says whether the room is wheelchair accessible when the card above differs', () => {
    const above = card('A', base({ wheelchair: { code: 'wheelchair', accessibleRoom: true } }));
    expect(differencesFrom(card('B', base({ wheelchair: { code: 'wheelchair', accessibleRoom: false } })), above, NOW)).toEqual([
      { code: 'wheelchair', accessibleRoom: false },
    ]);
  });

  it('when only the number of beds left differs, says that number against the one above instead of repeating the list', () => {
    const above = card('A', base());
    expect(differencesFrom(card('B', base({ freeAfter: { code: 'freeAfter', free: 2, total: 4 } })), above, NOW)).toEqual([
      { code: 'freeAfter', free: 2, total: 4, versus: 5 },
    ]);
  });
});
