import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLinkPage } from '@/components/public/render';
import { write } from '@/db';
import { arrivals, auditEvents, stayBeds, stays } from '@/db/schema';
import { linkPageData } from '@/lib/guest-link/page-data';
import { waitingQueue } from '@/lib/households/queries';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut } from '@/lib/placement/stays';
import { formStamp } from '@/lib/requests/form-guard';
import { cancelOwnRequest, markNotGenuine, submitRequest } from '@/lib/requests/self-register';
import { readNetworkSettings, saveNetworkSettings } from '@/lib/requests/settings';
import { publicRequestSchema } from '@/lib/validation/request';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 14:00Z is 17:00 in Istanbul.
const NOW = new Date('2026-10-01T14:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;

const ALIAS = 'Ostrolenka-Request-7731';
const CONTACT = '@ostrolenka_private_7731';
const form = (values: Record<string, string | string[]> = {}) =>
  publicRequestSchema.parse({
    alias: ALIAS,
    adultMen: '0',
    adultWomen: '1',
    children: '0',
    contact: CONTACT,
    languages: ['ru'],
    ...values,
  });

/** A form handed out a minute before it is sent: each request its own, as each visitor gets theirs. */
const client = (address: string, now: Date) => ({ address, stamp: formStamp(new Date(now.getTime() - 60_000)) });

function request(values: Record<string, string | string[]> = {}, address = freshAddress(), now = NOW) {
  const outcome = write(db, (tx) => submitRequest(tx, form(values), client(address, now), now));
  if (!('token' in outcome)) throw new Error(`refused: ${outcome.refusal}`);
  return outcome.token;
}
const lastArrival = () => db.select().from(arrivals).all().at(-1)!;

describe('a request for a place from the public form', () => {
  it('joins the waiting queue as self-registered, and its link says so with the time and the network contact', async () => {
    write(db, (tx) =>
      saveNetworkSettings(
        tx,
        admin,
        { contactPhone: '+90 555 000 0100', contactTelegram: '@help_net', contactWhatsapp: null, requestsPerHour: 100, retentionDays: 14 },
        NOW,
      ),
    );
    const token = request({ arrivedAt: '2026-10-01T15:30' });
    const queued = waitingQueue(db, guide, later(5)).filter((row) => row.selfRegistered);
    expect(queued.at(-1)).toMatchObject({ alias: ALIAS, contact: CONTACT, status: 'waiting', arrivedAt: new Date('2026-10-01T12:30:00Z') });

    const page = linkPageData(db, token, later(5));
    // No shelter has a bed yet: the expected wait says tomorrow, not a place in the queue.
    expect(page).toEqual({
      kind: 'waiting',
      requestedAt: NOW,
      clock: { timeZone: 'Europe/Istanbul', names: {} },
      contact: { phone: '+90 555 000 0100', telegram: '@help_net', whatsapp: null },
      expected: { kind: 'tonightFull' },
    });
    const html = await renderLinkPage(page!, 'ru', later(5));
    expect(html).toContain('Вы в листе ожидания; с вами свяжется волонтёр.');
    expect(html).toContain('Заявка отправлена 1 октября в 17:00 по местному времени.');
    expect(html).toContain('href="tel:+905550000100"');
    expect(html).toContain('href="https://t.me/help_net"');
    expect(html).not.toContain(ALIAS);
    expect(html).not.toContain('ostrolenka');
  });

  it('lands a guide’s reservation on the same link: the shelter, its address and the hold time', async () => {
    const token = request();
    const shelter = makeShelter(db, { status: 'open', name: 'Moda Evi', address: 'Moda Cd. 3, Kadıköy', holdHours: 5 });
    const { beds } = makeRoom(db, shelter.id, 'women', 1);
    const arrival = lastArrival();
    write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [beds[0].id] }, NOW));

    const page = linkPageData(db, token, later(1));
    expect(page).toMatchObject({ kind: 'stay', cancellable: true });
    const html = await renderLinkPage(page!, 'en', later(1));
    expect(html).toContain('Moda Evi');
    expect(html).toContain('Moda Cd. 3, Kadıköy');
    // Held until tonight's door closes (23:00), not six hours from the reservation.
    expect(html).toContain('1 bed is held for you until 23:00');
    expect(html).toContain('Cancel my request');

    // A hold that passes puts them back on the waiting list, and the page says so.
    expect(linkPageData(db, token, later(6 * 60 + 1))).toMatchObject({ kind: 'waiting' });
  });

  it('can be cancelled by the person while waiting: it leaves the queue with an end time, and the link says it is closed', async () => {
    const token = request();
    const arrival = lastArrival();
    expect(write(db, (tx) => cancelOwnRequest(tx, token, later(10)))).toBe(true);
    expect(db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()).toMatchObject({ status: 'cancelled', endedAt: later(10) });
    expect(waitingQueue(db, guide, later(11)).map((row) => row.id)).not.toContain(arrival.id);
    expect(linkPageData(db, token, later(11))).toMatchObject({ kind: 'closed' });
    expect(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, arrival.id))
        .all()
        .map((e) => [e.action, e.actorId]),
    ).toEqual([
      ['arrival.self_register', null],
      ['arrival.cancel_request', null],
    ]);
    expect(() => write(db, (tx) => cancelOwnRequest(tx, token, later(12)))).toThrow('cannotCancel');
    expect(write(db, (tx) => cancelOwnRequest(tx, `${token.slice(0, -3)}abc`, later(12)))).toBe(false);
  });

  it('can be cancelled while beds are held: the beds are free at once; not once checked in', () => {
    const shelter = makeShelter(db, { status: 'open' });
    const { beds } = makeRoom(db, shelter.id, 'women', 2);
    const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
    const [first, second] = [request(), request()];
    const [a, b] = db.select().from(arrivals).all().slice(-2);
    const stayA = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: a.id, bedIds: [beds[0].id] }, NOW));
    const stayB = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: b.id, bedIds: [beds[1].id] }, NOW));

    write(db, (tx) => cancelOwnRequest(tx, first, later(1)));
    expect(db.select().from(stays).where(eq(stays.id, stayA.stayId)).get()).toMatchObject({ status: 'cancelled', endedAt: later(1) });
    expect(db.select().from(stayBeds).where(eq(stayBeds.stayId, stayA.stayId)).get()!.releasedAt).toEqual(later(1));

    write(db, (tx) => checkIn(tx, host, stayB.stayId, later(2)));
    expect(() => write(db, (tx) => cancelOwnRequest(tx, second, later(3)))).toThrow('cannotCancel');
    expect(linkPageData(db, second, later(3))).toMatchObject({ kind: 'stay', cancellable: false });
    write(db, (tx) => checkOut(tx, host, stayB.stayId, later(60)));
    expect(db.select().from(arrivals).where(eq(arrivals.id, b.id)).get()).toMatchObject({ status: 'left', endedAt: later(60) });
  });

  it('asks for a contact handle, unlike a guide’s intake, and takes a landing time up to three days ahead', () => {
    const missing = publicRequestSchema.safeParse({ alias: 'A', adultWomen: '1', adultMen: '0', children: '0', contact: '' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((issue) => [issue.path[0], issue.message])).toEqual([['contact', 'required']]);
    expect(() => request({ arrivedAt: '2026-10-03T23:00' })).not.toThrow();
    expect(() => request({ arrivedAt: '2026-10-05T12:00' })).toThrow('landingRange');
  });
});

describe('a guide marks a request as not genuine', () => {
  it('takes it out of the queue with an end time, records who did it, and it can no longer be placed', () => {
    const token = request();
    const arrival = lastArrival();
    const host = asStaff(makeUser(db, 'host'));
    expect(() => write(db, (tx) => markNotGenuine(tx, host, arrival.id, NOW))).toThrow('notAllowed');
    write(db, (tx) => markNotGenuine(tx, guide, arrival.id, later(3)));
    expect(db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()).toMatchObject({ status: 'not_genuine', endedAt: later(3) });
    expect(waitingQueue(db, guide, later(4)).map((row) => row.id)).not.toContain(arrival.id);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'arrival.not_genuine')).all().at(-1)).toMatchObject({
      actorId: guide.id,
      entityId: arrival.id,
    });
    expect(linkPageData(db, token, later(4))).toMatchObject({ kind: 'closed' });

    const shelter = makeShelter(db, { status: 'open' });
    const { beds } = makeRoom(db, shelter.id, 'women', 1);
    expect(() => write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [beds[0].id] }, later(5)))).toThrow('notFound');
  });

  it('applies only to self-registered requests still waiting', () => {
    const registered = makeArrival(db);
    expect(() => write(db, (tx) => markNotGenuine(tx, guide, registered.id, NOW))).toThrow('notFound');
  });
});

describe('limits on requests', () => {
  it('refuses the fourth request in an hour from one address, and takes it again once the hour has passed', () => {
    const address = freshAddress();
    for (let i = 0; i < 3; i++) request({}, address, later(i));
    expect(write(db, (tx) => submitRequest(tx, form(), client(address, later(10)), later(10)))).toEqual({ refusal: 'tooManyFromYou' });
    expect(() => request({}, freshAddress(), later(10))).not.toThrow();
    expect(() => request({}, address, later(61))).not.toThrow();
  });

  // Past the ceiling the form stays open to other networks: tests/db/request-flood.test.ts.
  it('refuses everyone at a ceiling of 0, which closes the form', () => {
    const base = later(24 * 60);
    write(db, (tx) =>
      saveNetworkSettings(
        tx,
        admin,
        { contactPhone: null, contactTelegram: null, contactWhatsapp: null, requestsPerHour: 0, retentionDays: 14 },
        base,
      ),
    );
    expect(write(db, (tx) => submitRequest(tx, form(), client(freshAddress(), base), base))).toEqual({ refusal: 'networkBusy' });
    write(db, (tx) =>
      saveNetworkSettings(
        tx,
        admin,
        { contactPhone: null, contactTelegram: null, contactWhatsapp: null, requestsPerHour: 100, retentionDays: 14 },
        base,
      ),
    );
    expect(write(db, (tx) => submitRequest(tx, form(), client(freshAddress(), base), base))).toHaveProperty('token');
  });

  it('lets only an admin of every city change the network settings: one city’s admin cannot close the form for all', () => {
    const closed = { contactPhone: null, contactTelegram: null, contactWhatsapp: null, requestsPerHour: 0, retentionDays: 14 };
    expect(() => write(db, (tx) => saveNetworkSettings(tx, guide, closed, NOW))).toThrow('notAllowed');
    const istanbul = makeCity(db, 'Settings Istanbul');
    const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul.id] }), [], [istanbul.id]);
    const ceiling = readNetworkSettings(db).requestsPerHour;
    expect(() => write(db, (tx) => saveNetworkSettings(tx, istanbulAdmin, closed, NOW))).toThrow('notAllowed');
    expect(readNetworkSettings(db).requestsPerHour).toBe(ceiling);
    expect(ceiling).toBeGreaterThan(0);
  });
});
