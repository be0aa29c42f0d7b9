import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { queueQuery } from '@/lib/households/filters';
import { queuePage } from '@/lib/households/queue-page';
import { formStamp } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { saveNetworkSettings } from '@/lib/requests/settings';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { publicRequestSchema } from '@/lib/validation/request';
import { asStaff, defaultCityOf, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// The queue page's loader tells whoever watches the public form that it is flooded, with the
// figures the notice shows; the notice itself reads nothing (components render views).
const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-02T08:00:00Z');
const admin = asStaff(makeUser(db, 'admin'));
const istanbul = defaultCityOf(db);
const guide = asStaff(makeUser(db, 'guide', { cityIds: [istanbul] }), [], [istanbul]);
const form = publicRequestSchema.parse({
  alias: 'Asked',
  adultMen: '1',
  adultWomen: '0',
  children: '0',
  contact: '@asked',
  languages: ['ru'],
});

write(db, (tx) =>
  saveNetworkSettings(
    tx,
    admin,
    { contactPhone: null, contactTelegram: null, contactWhatsapp: null, requestsPerHour: 2, retentionDays: 14 },
    NOW,
  ),
);
for (const address of ['203.0.113.1', '198.51.100.1'])
  write(db, (tx) => submitRequest(tx, form, { address, stamp: formStamp(new Date(NOW.getTime() - 60_000)) }, NOW));

describe('the queue page’s flood notice', () => {
  it('gives an admin the hour’s requests, their networks, the ceiling and what each network is held to', () => {
    const view = queuePage(db, admin, queueQuery({}, 'admin'), NOW, 'en')!;
    expect(view.flood).toEqual({ requests: 2, networks: 2, ceiling: 2, perNetwork: RATE_LIMITS['request.floodedNetwork'].refuse });
  });

  it('is nothing for a guide, who does not watch the form, though the queue shows the requests', () => {
    const view = queuePage(db, guide, queueQuery({}, 'guide'), NOW, 'en')!;
    expect(view.flood).toBeNull();
    expect(view.waiting.count).toBe(2);
  });
});
