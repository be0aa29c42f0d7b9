import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { formStamp } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { saveNetworkSettings } from '@/lib/requests/settings';
import { requestFlood } from '@/lib/requests/throttle';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { publicRequestSchema } from '@/lib/validation/request';
import { asStaff, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const PER_ADDRESS = RATE_LIMITS['request.address'].refuse;
const PER_NETWORK = RATE_LIMITS['request.network'].refuse;

// Many sources at their own limits must not close the public form for a newcomer; admins are told.
const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const T0 = new Date('2026-10-02T08:00:00Z').getTime();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const admin = asStaff(makeUser(db, 'admin'));
const form = publicRequestSchema.parse({
  alias: 'Flood',
  adultMen: '1',
  adultWomen: '0',
  children: '0',
  contact: '@flood',
  languages: ['ru'],
});
const submit = (address: string, now: Date) =>
  write(db, (tx) => submitRequest(tx, form, { address, stamp: formStamp(new Date(now.getTime() - 60_000)) }, now));
const ceiling = (requestsPerHour: number) =>
  write(db, (tx) =>
    saveNetworkSettings(
      tx,
      admin,
      { contactPhone: null, contactTelegram: null, contactWhatsapp: null, requestsPerHour, retentionDays: 14 },
      at(0),
    ),
  );

describe('requests counted per source network', () => {
  it('lets 30 networks each at their limit fill the ceiling and still takes a 31st network; admins see the flood', () => {
    ceiling(30);
    for (let n = 1; n <= 30; n++) {
      for (let i = 0; i < PER_ADDRESS; i++) expect(submit(`10.0.${n}.1`, at(1))).toHaveProperty('token');
      expect(submit(`10.0.${n}.1`, at(1))).toEqual({ refusal: 'tooManyFromYou' });
    }
    expect(submit('10.0.31.1', at(2))).toHaveProperty('token');
    expect(requestFlood(db, 30, at(2))).toEqual({ requests: 91, networks: 31 });
    // An hour after the flood's requests it is over.
    expect(requestFlood(db, 30, at(61))).toBeNull();
    expect(requestFlood(db, 30, at(62))).toBeNull();
  });

  it('holds one source network to its own limit, and to the per-address limit while the form is flooded', () => {
    const base = 3 * 60;
    ceiling(1000);
    const addresses = Array.from({ length: 10 }, (_, i) => `192.0.2.${i + 1}`);
    const outcomes = addresses.flatMap((address) => Array.from({ length: PER_ADDRESS }, () => submit(address, at(base))));
    expect(outcomes.filter((outcome) => 'token' in outcome)).toHaveLength(PER_NETWORK);
    expect(outcomes.at(-1)).toEqual({ refusal: 'networkBusy' });
    expect(submit('192.0.3.1', at(base))).toHaveProperty('token');
    expect(requestFlood(db, 1000, at(base))).toBeNull();

    // Past the ceiling, a network that already sent the per-address limit is refused; a fresh one is not.
    ceiling(21);
    expect(requestFlood(db, 21, at(base + 1))).toEqual({ requests: 21, networks: 2 });
    expect(submit('192.0.3.2', at(base + 1))).toHaveProperty('token');
    expect(submit('192.0.3.3', at(base + 1))).toHaveProperty('token');
    expect(submit('192.0.3.4', at(base + 1))).toEqual({ refusal: 'networkBusy' });
    expect(submit('2001:db8:7:1::5', at(base + 1))).toHaveProperty('token');
    // The same /48, written another way, is the same network.
    expect(submit('2001:0db8:0007:ffff::1', at(base + 1))).toHaveProperty('token');
    expect(submit('[2001:db8:7::9]', at(base + 1))).toHaveProperty('token');
    expect(submit('2001:db8:7:2::1', at(base + 1))).toEqual({ refusal: 'networkBusy' });
    expect(submit('::ffff:192.0.3.9', at(base + 1))).toEqual({ refusal: 'networkBusy' });
  });

  it('closes the form for everyone at a ceiling of 0, and never calls that a flood', () => {
    ceiling(0);
    expect(submit('172.16.5.1', at(6 * 60))).toEqual({ refusal: 'networkBusy' });
    expect(requestFlood(db, 0, at(6 * 60))).toBeNull();
  });
});
