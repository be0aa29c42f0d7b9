import { describe, expect, it } from 'vitest';
import type { RoomKind } from '@/db/schema/enums';
import { NEAR_KM, suggestPlacements, type Whereabouts } from '@/lib/matching/suggest';
import type { Household, RoomAvailability, ShelterAvailability } from '@/lib/matching/types';
import { distanceKm, shownKm } from '@/lib/meeting-points/distance';

const NOW = new Date('2026-10-01T20:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const room = (id: string, kind: RoomKind, free: number): RoomAvailability => ({
  id,
  name: id,
  kind,
  accessible: false,
  freeBeds: Array.from({ length: free }, (_, i) => ({ id: `${id}-${i + 1}`, label: String(i + 1) })),
});
const shelter = (
  id: string,
  rooms: RoomAvailability[],
  inServiceBeds: number,
  over: Partial<ShelterAvailability> = {},
): ShelterAvailability => ({
  id,
  name: id,
  district: id,
  status: 'open',
  acceptsFamilies: true,
  acceptsPets: false,
  wheelchairAccessible: false,
  languages: ['ru'],
  lastConfirmedAt: minutesAgo(30),
  inServiceBeds,
  rooms,
  ...over,
});
const elmar: Household = { adultMen: 1, adultWomen: 0, children: 0, languages: ['ru'], needsWheelchair: false, hasPet: false };

// The demo's places (scripts/demo-data/seed.ts).
const ISTANBUL_AIRPORT = { name: 'Istanbul Airport', latitude: 41.2753, longitude: 28.7519 };
const FATIH = { latitude: 41.0186, longitude: 28.9497 };
const KADIKOY = { latitude: 40.9903, longitude: 29.0244 };

describe('distance from where the household is now', () => {
  it('measures the demo by hand: Istanbul Airport is 33 km from Fatih and 39 km from Kadıköy', () => {
    // Flat-earth check, good to a few metres at this scale: 1° of latitude ≈ 111.2 km, 1° of longitude
    // ≈ 111.2 km × cos(41.15°) = 83.7 km. Fatih: 0.2567° south = 28.5 km, 0.1978° east = 16.6 km,
    // √(28.5² + 16.6²) = 33.0 km. Kadıköy: 0.2850° = 31.7 km, 0.2725° = 22.8 km, √(31.7² + 22.8²) = 39.1 km.
    expect(distanceKm(ISTANBUL_AIRPORT, FATIH)).toBeCloseTo(33.0, 0);
    expect(distanceKm(ISTANBUL_AIRPORT, KADIKOY)).toBeCloseTo(39.1, 0);
  });

  it('rounds as a guide reads it: under 1 km, one decimal under 10 km, whole kilometres above', () => {
    expect([0.4, 0.99, 1, 3.44, 9.96, 12.4, 45.6].map(shownKm)).toEqual([0, 0, 1, 3.4, 10, 12, 46]);
  });
});

describe('Elmar at Istanbul Airport', () => {
  // Both fit him equally: one man's or mixed room with beds for him, Russian spoken, confirmed half an
  // hour ago. Kadıköy has 9 of 10 beds free afterwards, Fatih 7 of 10: Kadıköy's load points are
  // 20 × 9/10 = 18 against Fatih's 20 × 7/10 = 14, so without a place Kadıköy ranks first by 4 points.
  // Nearness gives 1 point per km inside 60 km: Fatih 60 − 33.0 = 27.0, Kadıköy 60 − 39.1 = 20.9, so
  // Fatih leads by 6.1 − 4 = 2.1 points: 6 km nearer outweighs three more free beds elsewhere.
  const network = [
    shelter('Kadıköy Church Hall', [room('Hall', 'mixed', 10)], 10),
    shelter('Fatih Free Shelter', [room("Men's dorm", 'men', 8)], 10),
  ];
  const whereabouts: Whereabouts = {
    from: ISTANBUL_AIRPORT,
    shelters: new Map([
      ['Fatih Free Shelter', FATIH],
      ['Kadıköy Church Hall', KADIKOY],
    ]),
  };

  it('without a place, ranks the emptier shelter across the Bosphorus first', () => {
    expect(suggestPlacements(network, elmar, NOW).suggestions.map((s) => s.shelterName)).toEqual([
      'Kadıköy Church Hall',
      'Fatih Free Shelter',
    ]);
  });

  it('at the airport, ranks Fatih (33 km) above Kadıköy (39 km) by the worked 2.1 points, each saying how far it is', () => {
    const { suggestions } = suggestPlacements(network, elmar, NOW, undefined, whereabouts);
    expect(suggestions.map((s) => s.shelterName)).toEqual(['Fatih Free Shelter', 'Kadıköy Church Hall']);
    expect(suggestions[0].score - suggestions[1].score).toBeCloseTo(2.1, 0);
    expect(suggestions.map((s) => s.reasons.find((r) => r.code === 'distance'))).toEqual([
      { code: 'distance', km: expect.closeTo(33.0, 0), from: 'Istanbul Airport' },
      { code: 'distance', km: expect.closeTo(39.1, 0), from: 'Istanbul Airport' },
    ]);
  });

  it('does not send him to a shelter where nobody speaks his language to save 6 km', () => {
    const mute = [network[0], { ...network[1], languages: ['tr'] }];
    expect(suggestPlacements(mute, elmar, NOW, undefined, whereabouts).suggestions[0].shelterName).toBe('Kadıköy Church Hall');
  });

  it('never favours a shelter without coordinates: it counts as no nearer than one beyond the city', () => {
    const unknown: Whereabouts = { ...whereabouts, shelters: new Map([['Kadıköy Church Hall', KADIKOY]]) };
    const { suggestions } = suggestPlacements(network, elmar, NOW, undefined, unknown);
    expect(suggestions.map((s) => s.shelterName)).toEqual(['Kadıköy Church Hall', 'Fatih Free Shelter']);
    expect(suggestions[1].reasons.some((r) => r.code === 'distance')).toBe(false);
    const far = { latitude: 39.9, longitude: 32.8 }; // Ankara, far beyond NEAR_KM
    expect(distanceKm(ISTANBUL_AIRPORT, far)).toBeGreaterThan(NEAR_KM);
    const both = suggestPlacements(network, elmar, NOW, undefined, {
      ...whereabouts,
      shelters: new Map([['Kadıköy Church Hall', far]]),
    }).suggestions;
    const none = suggestPlacements(network, elmar, NOW, undefined, { ...whereabouts, shelters: new Map() }).suggestions;
    expect(both.find((s) => s.shelterName === 'Kadıköy Church Hall')!.score).toBe(
      none.find((s) => s.shelterName === 'Kadıköy Church Hall')!.score,
    );
  });
});
