import { randomUUID } from 'node:crypto';
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { StayStatusLine } from '@/app/(staff)/arrivals/[id]/status-line';
import { write, type Db } from '@/db';
import { DomainError } from '@/lib/errors';
import { takeIntake } from '@/lib/households/intake';
import { landingOf, type Landing } from '@/lib/households/landing';
import { householdForCaller, pendingReservations, waitingQueue } from '@/lib/households/queries';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';
import { reserveBeds } from '@/lib/placement/reserve';
import { intakeSchema } from '@/lib/validation/arrival';
import { asStaff, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// Warsaw is UTC+2 until 01:00 UTC on 25 Oct 2026, then UTC+1; Yerevan is UTC+4 all year, Istanbul UTC+3.
const warsaw = makeCity(db, 'Warsaw', { timeZone: 'Europe/Warsaw' });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const staffIn = (cityId: string) => asStaff(makeUser(db, 'guide', { cityIds: [cityId] }), [], [cityId]);
const warsawGuide = staffIn(warsaw.id);
const yerevanGuide = staffIn(yerevan.id);

// 22:00 on Saturday 24 Oct in Warsaw (summer time); the clocks go back three hours later.
const NOW = new Date('2026-10-24T20:00:00Z');

const form = (values: Record<string, string>) =>
  intakeSchema.parse({
    alias: 'Anna',
    adultMen: '0',
    adultWomen: '1',
    children: '0',
    languages: ['ru'],
    intakeKey: randomUUID(),
    ...values,
  });
const households = () => (sqlite.prepare('select count(*) as n from arrivals').get() as { n: number }).n;
const times = (id: string) =>
  sqlite.prepare('select arrived_at as arrivedAt, expected_at as expectedAt from arrivals where id = ?').get(id) as {
    arrivedAt: number;
    expectedAt: number | null;
  };
function refusal(fn: (tx: Db) => unknown): { code: string; field?: string } {
  const before = snapshot(sqlite);
  try {
    write(db, fn);
  } catch (error) {
    expect(snapshot(sqlite)).toEqual(before);
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The queue card's words for a landing, as the page says them (app/(staff)/arrivals/page.tsx). */
const MESSAGES = { en, ru, tr };
function landsText(locale: keyof typeof MESSAGES, landing: Landing) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'arrivals' });
  return t('lands', { ...landing, date: landing.date });
}

describe('one arrival question at intake: already here, or lands at', () => {
  it('a time still ahead with "already here" writes nothing and comes back as "lands at"; confirmed, it lands then', () => {
    const before = snapshot(sqlite);
    const moved = write(db, (tx) => takeIntake(tx, warsawGuide, form({ arrival: 'here', arrivalTime: '2026-10-25T12:00' }), NOW));
    expect(moved).toEqual({ movedToLands: true });
    expect(snapshot(sqlite)).toEqual(before);

    const landing = write(db, (tx) => takeIntake(tx, warsawGuide, form({ arrival: 'lands', arrivalTime: '2026-10-25T12:00' }), NOW));
    if (!('registered' in landing)) throw new Error('expected a registration');
    // 12:00 on the 25th in Warsaw is after the clocks went back: UTC+1, 11:00 UTC.
    expect(times(landing.registered)).toEqual({ arrivedAt: NOW.getTime(), expectedAt: Date.parse('2026-10-25T11:00:00Z') });
  });

  it('"already here" keeps a time in the past, and a few minutes of a fast phone clock', () => {
    const past = write(db, (tx) => takeIntake(tx, warsawGuide, form({ arrival: 'here', arrivalTime: '2026-10-24T21:15' }), NOW));
    const fast = write(db, (tx) => takeIntake(tx, warsawGuide, form({ arrival: 'here', arrivalTime: '2026-10-24T22:04' }), NOW));
    if (!('registered' in past) || !('registered' in fast)) throw new Error('expected registrations');
    expect(times(past.registered)).toEqual({ arrivedAt: Date.parse('2026-10-24T19:15:00Z'), expectedAt: null });
    expect(times(fast.registered).expectedAt).toBeNull();
    const blank = write(db, (tx) => takeIntake(tx, warsawGuide, form({ arrival: 'here', arrivalTime: '' }), NOW));
    if (!('registered' in blank)) throw new Error('expected a registration');
    expect(times(blank.registered)).toEqual({ arrivedAt: NOW.getTime(), expectedAt: null });
  });

  it('reads the time on the household’s city clock: 00:40 in Yerevan is still ahead at 00:30 there, 00:20 is not', () => {
    const late = new Date('2026-10-01T20:30:00Z'); // 00:30 on 2 Oct in Yerevan, 23:30 on 1 Oct in Istanbul
    const count = households();
    expect(write(db, (tx) => takeIntake(tx, yerevanGuide, form({ arrival: 'here', arrivalTime: '2026-10-02T00:40' }), late))).toEqual({
      movedToLands: true,
    });
    expect(households()).toBe(count);
    // On Istanbul's clock 00:20 on the 2nd would still be 50 minutes ahead and be moved.
    const here = write(db, (tx) => takeIntake(tx, yerevanGuide, form({ arrival: 'here', arrivalTime: '2026-10-02T00:20' }), late));
    expect(here).toHaveProperty('registered');
  });

  it('"lands at" with no time, or a past time beyond today’s rules, is refused next to the one time field', () => {
    expect(refusal((tx) => takeIntake(tx, warsawGuide, form({ arrival: 'lands', arrivalTime: '' }), NOW))).toEqual({
      code: 'landsAtRequired',
      field: 'arrivalTime',
    });
    expect(refusal((tx) => takeIntake(tx, warsawGuide, form({ arrival: 'lands', arrivalTime: '2026-10-22T10:00' }), NOW))).toEqual({
      code: 'expectedAtRange',
      field: 'arrivalTime',
    });
    expect(refusal((tx) => takeIntake(tx, warsawGuide, form({ arrival: 'here', arrivalTime: '2026-08-01T10:00' }), NOW))).toEqual({
      code: 'arrivedAtRange',
      field: 'arrivalTime',
    });
    // A landing earlier today is allowed, as before: the household has landed and waits from then.
    const landed = write(db, (tx) => takeIntake(tx, warsawGuide, form({ arrival: 'lands', arrivalTime: '2026-10-24T21:00' }), NOW));
    expect(landed).toHaveProperty('registered');
  });

  it('the form has one arrival answer: any other is refused', () => {
    const parsed = intakeSchema.safeParse({ alias: 'A', adultMen: '1', adultWomen: '0', children: '0', arrival: 'soon' });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['arrival', 'invalid']]);
  });
});

describe('the queue says when a household still to come lands, on its city’s clock', () => {
  it('today, tomorrow or a date across midnight, by each city’s own calendar', () => {
    const lateInIstanbul = new Date('2026-10-01T20:30:00Z'); // 23:30 in Istanbul, 00:30 on the 2nd in Yerevan
    const landsAt = new Date('2026-10-01T21:30:00Z');
    expect(landingOf(landsAt, lateInIstanbul, 'Europe/Istanbul')).toEqual({ day: 'tomorrow', date: '2026-10-02', time: '00:30' });
    expect(landingOf(landsAt, lateInIstanbul, 'Asia/Yerevan')).toEqual({ day: 'today', date: '2026-10-02', time: '01:30' });
    expect(landingOf(new Date('2026-10-01T20:50:00Z'), lateInIstanbul, 'Europe/Istanbul')).toMatchObject({ day: 'today', time: '23:50' });
    expect(landingOf(new Date('2026-10-03T09:00:00Z'), lateInIstanbul, 'Europe/Istanbul')).toEqual({
      day: 'later',
      date: '2026-10-03',
      time: '12:00',
    });
    expect(landingOf(new Date('2026-10-01T20:00:00Z'), lateInIstanbul, 'Europe/Istanbul')).toBeNull();
  });

  it('across the night Warsaw’s clocks go back: tomorrow 13:00 is 12:00 UTC, not 11:00', () => {
    const lateSaturday = new Date('2026-10-24T21:30:00Z'); // 23:30 in Warsaw, summer time
    expect(landingOf(new Date('2026-10-25T12:00:00Z'), lateSaturday, 'Europe/Warsaw')).toEqual({
      day: 'tomorrow',
      date: '2026-10-25',
      time: '13:00',
    });
    // 23:30 UTC on the 25th is 00:30 on Monday the 26th in winter time: a date, not "tomorrow".
    expect(landingOf(new Date('2026-10-25T23:30:00Z'), lateSaturday, 'Europe/Warsaw')).toMatchObject({ day: 'later', date: '2026-10-26' });
    expect(landsText('en', { day: 'tomorrow', date: '2026-10-25', time: '13:00' })).toBe('lands tomorrow 13:00');
    expect(landsText('ru', { day: 'today', date: '2026-10-25', time: '13:00' })).toBe('прилёт сегодня в 13:00');
    expect(landsText('tr', { day: 'tomorrow', date: '2026-10-25', time: '13:00' })).toBe('iniş yarın 13:00');
  });

  it('a household booked ahead is "lands tomorrow 13:00" in the queue and after its booking, never "just arrived"', () => {
    const shelter = makeShelter(db, { status: 'open', cityId: warsaw.id, timeZone: 'Europe/Warsaw', name: 'Praga Hall' });
    const room = makeRoom(db, shelter.id, 'women', 2);
    const answer = write(db, (tx) =>
      takeIntake(tx, warsawGuide, form({ alias: 'Ahead', arrival: 'lands', arrivalTime: '2026-10-25T13:00' }), NOW),
    );
    if (!('registered' in answer)) throw new Error('expected a registration');
    const queued = waitingQueue(db, warsawGuide, NOW).find((household) => household.id === answer.registered);
    expect(queued?.landing).toEqual({ day: 'tomorrow', date: '2026-10-25', time: '13:00' });
    expect(queued?.waitedMinutes).toBe(0);

    write(db, (tx) =>
      reserveBeds(
        tx,
        warsawGuide,
        { arrivalId: answer.registered, bedIds: [room.beds[0].id], firstNight: '2026-10-25', departure: '2026-10-27' },
        NOW,
      ),
    );
    const placed = pendingReservations(db, warsawGuide, NOW).find((stay) => stay.household.id === answer.registered);
    expect(placed?.household.landing).toEqual({ day: 'tomorrow', date: '2026-10-25', time: '13:00' });
    // Once landed, it waits from the landing, not from when the guide registered it a day before.
    const afterLanding = new Date('2026-10-25T12:30:00Z');
    const landed = pendingReservations(db, warsawGuide, afterLanding).find((stay) => stay.household.id === answer.registered);
    expect(landed?.household).toMatchObject({ landing: null, waitedMinutes: 30 });
  });
});

describe('the household page follows the booking', () => {
  const statusLine = (locale: keyof typeof MESSAGES, stay: Parameters<typeof StayStatusLine>[0]['stay']) =>
    renderToStaticMarkup(
      createElement(
        NextIntlClientProvider,
        // Its children come as createElement's third argument, not among these props.
        { locale, messages: MESSAGES[locale], timeZone: 'UTC' } as unknown as ComponentProps<typeof NextIntlClientProvider>,
        createElement(StayStatusLine, { stay }),
      ),
    );

  it('after a reservation its status line says booked: the shelter and the nights; before it, nothing is claimed', () => {
    const shelter = makeShelter(db, { status: 'open', cityId: warsaw.id, timeZone: 'Europe/Warsaw', name: 'Wola House' });
    const room = makeRoom(db, shelter.id, 'women', 1);
    const answer = write(db, (tx) => takeIntake(tx, warsawGuide, form({ alias: 'Booked', arrival: 'here', arrivalTime: '' }), NOW));
    if (!('registered' in answer)) throw new Error('expected a registration');
    const waiting = householdForCaller(db, warsawGuide, answer.registered, NOW);
    expect(statusLine('en', waiting?.current ?? null)).not.toContain('Booked');

    write(db, (tx) =>
      reserveBeds(
        tx,
        warsawGuide,
        { arrivalId: answer.registered, bedIds: [room.beds[0].id], firstNight: '2026-10-24', departure: '2026-10-26' },
        NOW,
      ),
    );
    const booked = householdForCaller(db, warsawGuide, answer.registered, NOW)?.current ?? null;
    expect(statusLine('en', booked)).toMatch(/role="status"[^>]*>Booked: Wola House, 2 nights \(Oct 24\s–\s25\), leaving Oct 26</);
    expect(statusLine('ru', booked)).toContain('Забронировано: Wola House, 2 ночи');
    expect(statusLine('tr', booked)).toContain('Yer ayrıldı: Wola House, 2 gece');
  });
});
