/**
 * A hand-worked week of one shelter in Berlin, where clocks went back an hour on 2026-10-25 (a 25-hour
 * day), worked out on paper first. Local midnights, the instants whose state each day's bed counts show:
 *   24 Oct ends 2026-10-24T22:00Z (CEST, +2) · 25 Oct ends 2026-10-25T23:00Z (CET, +1) · 26 Oct ends 2026-10-26T23:00Z
 * Used by the unit test of the maths and by the database test of the history queries.
 */
export const EXAMPLE_ZONE = 'Europe/Berlin';
export const EXAMPLE_DAYS = ['2026-10-24', '2026-10-25', '2026-10-26'] as const;
export const EXAMPLE_NOW = new Date('2026-10-27T12:00:00Z');

const t = (iso: string) => new Date(iso).getTime();

export const exampleBeds = {
  // Five beds in service all along.
  steady: { count: 5, createdAt: t('2026-10-01T00:00:00Z') },
  // Taken out of service mid-period, not yet back.
  broken: { createdAt: t('2026-10-01T00:00:00Z'), outOfServiceFrom: t('2026-10-25T12:00:00Z') },
  // Added on the 26th.
  added: { createdAt: t('2026-10-26T10:00:00Z') },
};

export type ExampleStay = {
  name: string;
  status: 'reserved' | 'checked_in' | 'checked_out' | 'cancelled' | 'expired';
  registeredAt: number;
  createdAt: number;
  holdUntil: number;
  checkedInAt?: number;
  checkedOutAt?: number;
  endedAt?: number;
  /** Bed holds as [from, until]: a move within the shelter swaps one for another. */
  beds: [number, number | null][];
  household: string;
  movedIn?: boolean;
};

export const exampleStays: ExampleStay[] = [
  {
    // Began before the window; checks out at 00:30 local on the 26th, just after the midnight that
    // ends the 25th (23:30 on the 25th by UTC's calendar).
    name: 'before the window',
    household: 'h1',
    status: 'checked_out',
    registeredAt: t('2026-10-20T08:00:00Z'),
    createdAt: t('2026-10-20T10:00:00Z'),
    holdUntil: t('2026-10-20T16:00:00Z'),
    checkedInAt: t('2026-10-20T12:00:00Z'),
    checkedOutAt: t('2026-10-25T23:30:00Z'),
    endedAt: t('2026-10-25T23:30:00Z'),
    beds: [
      [t('2026-10-20T10:00:00Z'), t('2026-10-25T23:30:00Z')],
      [t('2026-10-20T10:00:00Z'), t('2026-10-25T23:30:00Z')],
    ],
  },
  {
    name: 'cancelled',
    household: 'h2',
    status: 'cancelled',
    registeredAt: t('2026-10-24T08:00:00Z'),
    createdAt: t('2026-10-24T09:00:00Z'),
    holdUntil: t('2026-10-24T15:00:00Z'),
    endedAt: t('2026-10-24T11:00:00Z'),
    beds: [[t('2026-10-24T09:00:00Z'), t('2026-10-24T11:00:00Z')]],
  },
  {
    // The same household placed again, checked in at 23:30 local on the 24th, moved to another bed on
    // the 25th and still there.
    name: 're-placed and moved',
    household: 'h2',
    status: 'checked_in',
    registeredAt: t('2026-10-24T08:00:00Z'),
    createdAt: t('2026-10-24T20:00:00Z'),
    holdUntil: t('2026-10-25T02:00:00Z'),
    checkedInAt: t('2026-10-24T21:30:00Z'),
    beds: [
      [t('2026-10-24T20:00:00Z'), t('2026-10-25T10:00:00Z')],
      [t('2026-10-25T10:00:00Z'), null],
    ],
  },
  {
    // Reserved at 23:30 local on the 25th (00:30 on the 26th had the clocks not gone back); never came.
    name: 'expired',
    household: 'h3',
    status: 'expired',
    registeredAt: t('2026-10-25T22:00:00Z'),
    createdAt: t('2026-10-25T22:30:00Z'),
    holdUntil: t('2026-10-26T02:00:00Z'),
    endedAt: t('2026-10-26T02:00:00Z'),
    beds: [
      [t('2026-10-25T22:30:00Z'), t('2026-10-26T02:00:00Z')],
      [t('2026-10-25T22:30:00Z'), t('2026-10-26T02:00:00Z')],
    ],
  },
  {
    // Still reserved at the end of the 26th; its hold passes on the 27th, outside the window.
    name: 'reserved',
    household: 'h4',
    status: 'reserved',
    registeredAt: t('2026-10-26T19:30:00Z'),
    createdAt: t('2026-10-26T21:00:00Z'),
    holdUntil: t('2026-10-27T03:00:00Z'),
    beds: [[t('2026-10-26T21:00:00Z'), null]],
  },
  {
    // Moved here from another shelter on the 26th (not a new placement), moved between beds, and
    // gone by the evening.
    name: 'moved in',
    household: 'h5',
    status: 'checked_out',
    movedIn: true,
    registeredAt: t('2026-10-26T05:00:00Z'),
    createdAt: t('2026-10-26T08:00:00Z'),
    holdUntil: t('2026-10-26T14:00:00Z'),
    checkedInAt: t('2026-10-26T12:00:00Z'),
    checkedOutAt: t('2026-10-26T18:00:00Z'),
    endedAt: t('2026-10-26T18:00:00Z'),
    beds: [
      [t('2026-10-26T08:00:00Z'), t('2026-10-26T10:00:00Z')],
      [t('2026-10-26T10:00:00Z'), t('2026-10-26T18:00:00Z')],
    ],
  },
];

/** Households registered (network-wide counts); one at 00:30 local on the 25th. */
export const exampleRegistrations = [
  t('2026-10-20T08:00:00Z'),
  t('2026-10-24T08:00:00Z'),
  t('2026-10-25T22:00:00Z'),
  t('2026-10-26T05:00:00Z'),
  t('2026-10-26T19:30:00Z'),
  t('2026-10-24T22:30:00Z'),
];

const HOUR = 3_600_000;

/** The answer worked out by hand. */
export const exampleExpected = [
  {
    day: '2026-10-24',
    bedsInService: 6,
    outOfService: 0,
    occupied: 3,
    reserved: 0,
    free: 3,
    registered: 1,
    placed: 2,
    checkedIn: 1,
    checkedOut: 0,
    noShows: 0,
    staysCompleted: 0,
    stayMsTotal: 0,
    waitMinutes: [60],
    surgeBeds: 0,
    surgeOccupied: 0,
    homeBeds: 0,
    homeOccupied: 0,
  },
  {
    day: '2026-10-25',
    bedsInService: 5,
    outOfService: 1,
    occupied: 3,
    reserved: 2,
    free: 0,
    registered: 2,
    placed: 1,
    checkedIn: 0,
    checkedOut: 0,
    noShows: 0,
    staysCompleted: 0,
    stayMsTotal: 0,
    waitMinutes: [30],
    surgeBeds: 0,
    surgeOccupied: 0,
    homeBeds: 0,
    homeOccupied: 0,
  },
  {
    day: '2026-10-26',
    bedsInService: 6,
    outOfService: 1,
    occupied: 1,
    reserved: 1,
    free: 4,
    registered: 2,
    placed: 1,
    checkedIn: 1,
    checkedOut: 2,
    noShows: 1,
    staysCompleted: 2,
    stayMsTotal: (5 * 24 + 11.5) * HOUR + 6 * HOUR,
    waitMinutes: [90],
    surgeBeds: 0,
    surgeOccupied: 0,
    homeBeds: 0,
    homeOccupied: 0,
  },
];
