import { describe, expect, it } from 'vitest';
import { lateHold, latestArrivalFor, type LateRules } from '@/lib/guest-link/late-hold';

// The one rule for "late, about HH:MM": worked by hand in Istanbul (UTC+3, no clock change) and in
// Warsaw on the two nights its clocks change.
const rules = (values: Partial<LateRules> = {}): LateRules => ({
  checkInFrom: '14:00',
  checkInUntil: '23:00',
  holdHours: 6,
  checkOutBy: '11:00',
  timeZone: 'Europe/Istanbul',
  lateGraceMinutes: 30,
  latestArrival: null,
  ...values,
});
const held = (holdUntil: string, guestSaid: string | null = null) => ({
  firstNight: '2026-11-30',
  holdUntil: new Date(holdUntil),
  guestSaid,
});

describe('the latest arrival of a night', () => {
  it('is the door’s closing unless the host set a later hour, which may be after midnight', () => {
    expect(latestArrivalFor(rules(), '2026-11-30', new Date('2026-11-30T19:00:00Z'))).toEqual(new Date('2026-11-30T20:00:00Z'));
    expect(latestArrivalFor(rules({ latestArrival: '01:30' }), '2026-11-30', new Date('2026-11-30T19:00:00Z'))).toEqual(
      new Date('2026-11-30T22:30:00Z'),
    );
    // A door open 20:00–02:00 closes on the next day.
    expect(
      latestArrivalFor(rules({ checkInFrom: '20:00', checkInUntil: '02:00' }), '2026-11-30', new Date('2026-11-30T19:00:00Z')),
    ).toEqual(new Date('2026-11-30T23:00:00Z'));
  });

  it('is never before the hold the stay already has', () => {
    expect(latestArrivalFor(rules(), '2026-11-30', new Date('2026-11-30T22:00:00Z'))).toEqual(new Date('2026-11-30T22:00:00Z'));
  });
});

describe('lateHold in Istanbul, said at 21:00 with the bed held until 22:00', () => {
  const NOW = new Date('2026-11-30T18:00:00Z');
  it('holds to the time plus the grace, capped at the latest arrival, and never shortens the hold', () => {
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '22:15', NOW)).toMatchObject({
      eta: new Date('2026-11-30T19:15:00Z'),
      holdUntil: new Date('2026-11-30T19:45:00Z'),
    });
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '22:50', NOW)).toMatchObject({ holdUntil: new Date('2026-11-30T20:00:00Z') });
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '21:10', NOW)).toMatchObject({ holdUntil: new Date('2026-11-30T19:00:00Z') });
    expect(lateHold(rules({ lateGraceMinutes: 0 }), held('2026-11-30T19:00:00Z'), '22:40', NOW)).toMatchObject({
      holdUntil: new Date('2026-11-30T19:40:00Z'),
    });
  });

  it('reads a time before the door opens as after midnight: 00:30 the next day, when the shelter takes it', () => {
    const open = rules({ latestArrival: '01:00' });
    expect(lateHold(open, held('2026-11-30T19:00:00Z'), '00:30', NOW)).toMatchObject({
      eta: new Date('2026-11-30T21:30:00Z'),
      holdUntil: new Date('2026-11-30T22:00:00Z'),
    });
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '00:30', NOW)).toMatchObject({
      refused: 'lateAfterLatest',
      latest: new Date('2026-11-30T20:00:00Z'),
    });
  });

  it('reads a morning time as that morning while it is still to come (a night booked at 03:00)', () => {
    const morning = new Date('2026-11-30T07:00:00Z');
    const booked = held('2026-11-30T20:00:00Z');
    expect(lateHold(rules(), booked, '12:00', morning)).toMatchObject({
      eta: new Date('2026-11-30T09:00:00Z'),
      holdUntil: new Date('2026-11-30T20:00:00Z'),
    });
    expect(lateHold(rules(), booked, '09:00', morning)).toMatchObject({ refused: 'lateAfterLatest' });
  });

  it('refuses a time already past, one after the latest arrival, and a second "late"', () => {
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '20:59', NOW)).toMatchObject({ refused: 'latePast' });
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '21:00', NOW)).toMatchObject({ refused: 'latePast' });
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z'), '23:01', NOW)).toMatchObject({ refused: 'lateAfterLatest' });
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z', 'late'), '22:00', NOW)).toMatchObject({ refused: 'lateAgain' });
    // "On my way" is no promise of a time: "late" may follow it.
    expect(lateHold(rules(), held('2026-11-30T19:00:00Z', 'on_my_way'), '22:00', NOW)).toMatchObject({
      holdUntil: new Date('2026-11-30T19:30:00Z'),
    });
  });
});

describe('lateHold in Warsaw on the nights the clocks change', () => {
  const warsaw = rules({ timeZone: 'Europe/Warsaw', latestArrival: '03:30' });

  it('spring (29 March, 02:00 → 03:00): there is no 02:30; the grace is 30 real minutes across the jump', () => {
    const stay = { firstNight: '2026-03-28', holdUntil: new Date('2026-03-28T22:00:00Z'), guestSaid: null };
    const now = new Date('2026-03-28T21:00:00Z');
    expect(lateHold(warsaw, stay, '02:30', now)).toMatchObject({ refused: 'lateNoSuchTime' });
    // 01:45 CET is 00:45 UTC; half an hour later the clocks read 03:15 CEST.
    expect(lateHold(warsaw, stay, '01:45', now)).toMatchObject({
      eta: new Date('2026-03-29T00:45:00Z'),
      holdUntil: new Date('2026-03-29T01:15:00Z'),
    });
    // 03:30 CEST is 01:30 UTC: the cap.
    expect(lateHold(warsaw, stay, '03:15', now)).toMatchObject({ holdUntil: new Date('2026-03-29T01:30:00Z') });
    expect(lateHold(warsaw, stay, '03:45', now)).toMatchObject({ refused: 'lateAfterLatest' });
  });

  it('autumn (25 October, 03:00 → 02:00): 02:15 happens twice and is read as the later, the guest’s benefit', () => {
    const stay = { firstNight: '2026-10-24', holdUntil: new Date('2026-10-24T21:00:00Z'), guestSaid: null };
    const now = new Date('2026-10-24T20:00:00Z');
    const autumn = rules({ timeZone: 'Europe/Warsaw', latestArrival: '02:30' });
    expect(lateHold(autumn, stay, '02:15', now)).toMatchObject({
      eta: new Date('2026-10-25T01:15:00Z'),
      holdUntil: new Date('2026-10-25T01:30:00Z'),
    });
    // 01:30 CEST is 23:30 UTC; the hold runs 30 minutes, to the first 02:00.
    expect(lateHold(autumn, stay, '01:30', now)).toMatchObject({ holdUntil: new Date('2026-10-25T00:00:00Z') });
  });
});
