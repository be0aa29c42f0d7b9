import { describe, expect, it } from 'vitest';
import { addDays, dayWindows, localDay } from '@/lib/calendar/days';
import { csvField, toCsv } from '@/lib/occupancy/csv';
import { occupancyByDay, type BedGroup, type StayRecord } from '@/lib/occupancy/maths';
import type { ShelterNow } from '@/lib/occupancy/now';
import { historyRange } from '@/lib/occupancy/range';
import { sheltersNamed } from '@/lib/occupancy/scope';
import { parseTableView, tablePage, viewHref } from '@/lib/occupancy/sort';
import { freeBeds, median, occupancyRate, summarize } from '@/lib/occupancy/summary';
import {
  EXAMPLE_DAYS,
  EXAMPLE_NOW,
  EXAMPLE_ZONE,
  exampleBeds,
  exampleExpected,
  exampleRegistrations,
  exampleStays,
} from '../support/occupancy-example';

const HOUR = 3_600_000;
const now = EXAMPLE_NOW.getTime();

function exampleInput() {
  const beds: BedGroup[] = [
    { count: exampleBeds.steady.count, existsFrom: exampleBeds.steady.createdAt, outages: [] },
    { count: 1, existsFrom: exampleBeds.broken.createdAt, outages: [{ from: exampleBeds.broken.outOfServiceFrom, until: null }] },
    { count: 1, existsFrom: exampleBeds.added.createdAt, outages: [] },
  ];
  const firstOf = new Map<string, number>();
  for (const stay of exampleStays)
    if (!stay.movedIn) firstOf.set(stay.household, Math.min(firstOf.get(stay.household) ?? Infinity, stay.createdAt));
  const stays: StayRecord[] = exampleStays.map((stay) => ({
    status: stay.status,
    createdAt: stay.createdAt,
    holdUntil: stay.holdUntil,
    checkedInAt: stay.checkedInAt ?? null,
    checkedOutAt: stay.checkedOutAt ?? null,
    endedAt: stay.endedAt ?? null,
    beds: stay.beds.map(([from, until]) => ({ from, until })),
    registeredAt: stay.registeredAt,
    firstForHousehold: firstOf.get(stay.household) === stay.createdAt,
    movedIn: stay.movedIn ?? false,
  }));
  return { beds, stays };
}

describe('local days', () => {
  it('spans 25 hours on the day the clocks go back, and each day ends at local midnight', () => {
    const windows = dayWindows(EXAMPLE_DAYS[0], EXAMPLE_DAYS[2], EXAMPLE_ZONE, now);
    expect(windows.map((w) => (w.end - w.start) / HOUR)).toEqual([24, 25, 24]);
    expect(windows.map((w) => new Date(w.at).toISOString())).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      '2026-10-26T23:00:00.000Z',
    ]);
  });

  it('sees a day still running as it stands now', () => {
    const [today] = dayWindows('2026-10-27', '2026-10-27', EXAMPLE_ZONE, now);
    expect(today.at).toBe(now);
  });

  it('names the local day, not the UTC one, around midnight', () => {
    expect(localDay(Date.parse('2026-10-25T22:30:00Z'), EXAMPLE_ZONE)).toBe('2026-10-25');
    expect(localDay(Date.parse('2026-10-25T23:30:00Z'), EXAMPLE_ZONE)).toBe('2026-10-26');
    expect(localDay(Date.parse('2026-10-24T21:30:00Z'), 'Europe/Istanbul')).toBe('2026-10-25');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('occupancy by day, on the hand-worked example', () => {
  const windows = dayWindows(EXAMPLE_DAYS[0], EXAMPLE_DAYS[2], EXAMPLE_ZONE, now);
  const days = occupancyByDay({ windows, ...exampleInput(), registrations: exampleRegistrations, now });

  it.each(exampleExpected.map((expected, i) => [expected.day, i] as const))('gives the worked figures for %s', (_day, i) => {
    const { free, ...figures } = exampleExpected[i];
    expect(days[i]).toEqual(figures);
    expect(freeBeds(days[i])).toBe(free);
  });

  it('never counts a bed twice when a stay moves between beds', () => {
    const { beds, stays } = exampleInput();
    const moved = stays.find((stay) => stay.beds.length === 2 && stay.status === 'checked_in')!;
    const alone = occupancyByDay({ windows, beds, stays: [moved], now });
    expect(alone.map((day) => day.occupied)).toEqual([1, 1, 1]);
  });

  it('counts a passed hold the sweep has not yet marked as a no-show on the day it passed', () => {
    const { beds, stays } = exampleInput();
    const late = occupancyByDay({
      windows,
      beds,
      stays: stays.map((s) => (s.status === 'expired' ? { ...s, status: 'reserved' as const, endedAt: null } : s)),
      now,
    });
    expect(late.map((day) => [day.reserved, day.noShows])).toEqual([
      [0, 0],
      [2, 0],
      [1, 1],
    ]);
  });

  it('summarizes the window: bed-nights, average stay and the median wait', () => {
    const summary = summarize(days);
    expect(summary.occupancyRate).toBeCloseTo(7 / 17);
    expect(summary.averageStayDays).toBeCloseTo(((5 * 24 + 11.5) * HOUR + 6 * HOUR) / 2 / (24 * HOUR));
    expect(summary.medianWaitMinutes).toBe(60);
    expect(summary).toMatchObject({ registered: 5, placed: 4, checkedIn: 2, checkedOut: 2, noShows: 1 });
    expect(occupancyRate(days[1])).toBeCloseTo(3 / 5);
    expect(occupancyRate({ bedsInService: 0, occupied: 0 })).toBeNull();
  });

  it('takes the middle of an even count as the mean of the two middle values', () => {
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });
});

describe('the days a history shows', () => {
  const today = '2026-11-26';
  it('counts a preset back from today, today included', () => {
    expect(historyRange({ range: '30' }, today)).toEqual({ from: '2026-10-28', to: today, preset: 30, problem: null });
    expect(historyRange({}, today)).toMatchObject({ from: '2026-11-20', preset: 7, problem: null });
  });

  it('takes explicit dates, up to two years', () => {
    expect(historyRange({ from: '2025-01-01', to: '2025-12-31' }, today)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      preset: null,
      problem: null,
    });
  });

  it.each([
    [{ from: '2026-11-20', to: '2026-11-01' }, 'reversed'],
    [{ from: '2026-11-20', to: '2026-12-01' }, 'future'],
    [{ from: '2024-01-01', to: '2026-11-01' }, 'tooLong'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'badDate'],
    [{ from: 'yesterday' }, 'badDate'],
  ] as const)('falls back to the last 7 days and names the problem for %o', (params, problem) => {
    expect(historyRange(params, today)).toEqual({ from: '2026-11-20', to: today, preset: 7, problem });
  });
});

describe('the CSV export', () => {
  it('starts with a byte order mark, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv([
      ['date', 'shelter'],
      ['2026-10-24', 'Hall "A", Fatih'],
    ]);
    expect(csv).toBe('\uFEFFdate,shelter\r\n2026-10-24,"Hall ""A"", Fatih"\r\n');
  });

  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1'])('neutralises %j so no spreadsheet runs it', (value) => {
    expect(csvField(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves numbers and ordinary text alone', () => {
    expect(csvField(12)).toBe('12');
    expect(csvField('Фатих')).toBe('Фатих');
  });
});

describe('the table of shelters now', () => {
  const shelter = (name: string, over: Partial<ShelterNow> = {}): ShelterNow => ({
    id: name,
    name,
    district: 'Fatih',
    status: 'open',
    counts: { total: 10, free: 5, reserved: 1, occupied: 4, outOfService: 0, closed: 0, surge: 0, surgeFree: 0 },
    inService: 10,
    rate: 0.4,
    lastConfirmedAt: new Date('2026-11-26T10:00:00Z'),
    expiringHolds: 0,
    stale: false,
    full: false,
    ...over,
  });
  const many = Array.from({ length: 120 }, (_, i) =>
    shelter(`Shelter ${String(i).padStart(3, '0')}`, { rate: (i % 10) / 10, full: i % 40 === 0 }),
  );

  it('pages fifty at a time, sorted by the chosen column with ties by name', () => {
    const view = parseTableView({ sort: 'rate', dir: 'desc', page: '2' });
    const page = tablePage(many, view);
    expect(page).toMatchObject({ page: 2, pages: 3, total: 120, pageOutOfRange: false });
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0].rate).toBeLessThanOrEqual(tablePage(many, { ...view, page: 1 }).rows[49].rate!);
    expect(viewHref(view, { page: 3 })).toBe('/occupancy?sort=rate&dir=desc&page=3');
  });

  it('narrows to the shelters that need a look, and names a page past the last', () => {
    const page = tablePage(many, { ...parseTableView({ attention: '1', page: '9' }) });
    expect(page.rows.map((row) => row.name)).toEqual(['Shelter 000', 'Shelter 040', 'Shelter 080']);
    expect(page).toMatchObject({ page: 1, pages: 1, pageOutOfRange: true });
    expect(parseTableView({ page: '-1', sort: 'nonsense' })).toMatchObject({ badPage: true, page: 1, sort: 'name' });
  });
});

describe('finding a shelter by name in a large network', () => {
  const choices = ['Kadıköy Church Hall', 'Fatih Free Shelter', 'Fatih Annex', 'Şişli Centre'].map((name, i) => ({
    id: `s${i}`,
    name,
    timeZone: 'Europe/Istanbul',
  }));
  it('matches part of a name, ignoring case and accents, and an exact name outright', () => {
    expect(sheltersNamed(choices, 'fatih').map((c) => c.name)).toEqual(['Fatih Free Shelter', 'Fatih Annex']);
    expect(sheltersNamed(choices, 'sisli').map((c) => c.id)).toEqual(['s3']);
    expect(sheltersNamed(choices, '  FATIH ANNEX ').map((c) => c.id)).toEqual(['s2']);
    expect(sheltersNamed(choices, 'Beyoğlu')).toEqual([]);
  });
});
