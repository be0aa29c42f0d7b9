import type { RoomKind } from '@/db/schema/enums';
import { shownKm } from '@/lib/meeting-points/distance';
import type { Reason, Suggestion } from './suggest';

/** What sets a card apart from the card above it, in words a guide can weigh at a glance. */
export type Difference =
  | { code: 'nearer' | 'farther'; km: number }
  | { code: 'noDistance' }
  | { code: 'oneRoom'; kind: RoomKind; versus: RoomKind | null }
  | { code: 'severalRooms'; count: number }
  | { code: 'speaks' | 'doesNotSpeak'; languages: string[] }
  | { code: 'wheelchair'; accessibleRoom: boolean }
  | { code: 'confirmed'; at: Date | null; versus: Date | null }
  | { code: 'freeAfter'; free: number; total: number; versus: number }
  | { code: 'menBooked' }
  | { code: 'same' };

/** The first card says why it is first; each card after it, how it differs from the one above. */
export type CardReasons = { kind: 'main'; reasons: Reason[] } | { kind: 'differences'; above: string; differences: Difference[] };

type Of<C extends Reason['code']> = Extract<Reason, { code: C }>;
const find = <C extends Reason['code']>(reasons: Reason[], code: C) => reasons.find((r): r is Of<C> => r.code === code);

/** How fresh a confirmation is, in the steps the ranking weighs: within an hour, six, a day, older, never. */
function freshness(at: Date | null, now: Date): number {
  if (!at) return 4;
  const hours = (now.getTime() - at.getTime()) / 3600_000;
  return hours <= 1 ? 0 : hours <= 6 ? 1 : hours <= 24 ? 2 : 3;
}

const confirmedAt = (reasons: Reason[]) => find(reasons, 'confirmed')?.at ?? null;

function distanceDifference(card: Reason[], above: Reason[]): Difference[] {
  const here = find(card, 'distance');
  const there = find(above, 'distance');
  if (!here) return there ? [{ code: 'noDistance' }] : [];
  if (!there) return [];
  const km = shownKm(Math.abs(here.km - there.km));
  if (km < 1) return []; // about as far: not worth a line
  return [{ code: here.km < there.km ? 'nearer' : 'farther', km }];
}

function roomDifference(card: Reason[], above: Reason[]): Difference[] {
  const here = find(card, 'oneRoom');
  const there = find(above, 'oneRoom');
  if (here) return there?.kind === here.kind ? [] : [{ code: 'oneRoom', kind: here.kind, versus: there?.kind ?? null }];
  const several = find(card, 'severalRooms');
  return several && (there || find(above, 'severalRooms')?.count !== several.count) ? [{ code: 'severalRooms', count: several.count }] : [];
}

function languageDifference(card: Reason[], above: Reason[]): Difference[] {
  const here = find(card, 'speaks')?.languages ?? [];
  const there = find(above, 'speaks')?.languages ?? [];
  const more = here.filter((l) => !there.includes(l));
  const fewer = there.filter((l) => !here.includes(l));
  return [
    ...(more.length > 0 ? [{ code: 'speaks' as const, languages: more }] : []),
    ...(fewer.length > 0 ? [{ code: 'doesNotSpeak' as const, languages: fewer }] : []),
  ];
}

/** The differences of one card from the card above it, most telling first. */
export function differencesFrom(card: Suggestion, above: Suggestion, now: Date): Difference[] {
  const differences: Difference[] = [
    // Why a household of women finds this card below the one above (safe-rooms.ts).
    ...(find(card.reasons, 'menBooked') && !find(above.reasons, 'menBooked') ? [{ code: 'menBooked' as const }] : []),
    ...distanceDifference(card.reasons, above.reasons),
    ...roomDifference(card.reasons, above.reasons),
    ...languageDifference(card.reasons, above.reasons),
  ];
  const wheelchair = find(card.reasons, 'wheelchair');
  if (wheelchair && wheelchair.accessibleRoom !== find(above.reasons, 'wheelchair')?.accessibleRoom) differences.push(wheelchair);
  const at = confirmedAt(card.reasons);
  const versus = confirmedAt(above.reasons);
  if (freshness(at, now) !== freshness(versus, now)) differences.push({ code: 'confirmed', at, versus });
  if (differences.length > 0) return differences;
  // Only the number of free beds left: say so, rather than repeat the same list with one number changed.
  const free = find(card.reasons, 'freeAfter');
  const freeAbove = find(above.reasons, 'freeAfter');
  if (free && freeAbove && free.free !== freeAbove.free)
    return [{ code: 'freeAfter', free: free.free, total: free.total, versus: freeAbove.free }];
  return [{ code: 'same' }];
}

/** What each card of a ranked list says: its main reasons for the first, its differences for the rest. */
export function cardReasons(suggestions: Suggestion[], now: Date): CardReasons[] {
  return suggestions.map((card, index) =>
    index === 0
      ? { kind: 'main', reasons: card.reasons }
      : { kind: 'differences', above: suggestions[index - 1].shelterName, differences: differencesFrom(card, suggestions[index - 1], now) },
  );
}
