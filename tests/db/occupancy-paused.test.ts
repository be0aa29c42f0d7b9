import { afterAll, describe, expect, it } from 'vitest';
import { networkNow } from '@/lib/occupancy/now';
import { makeArrival, makeRoom, makeShelter, makeStay } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// The admin's "free" is what a guide can place someone in tonight: a paused shelter's beds are apart.
const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

describe('free beds now across the network', () => {
  it('counts open shelters only, with the free beds of paused shelters apart and closed ones in neither', () => {
    const open = makeShelter(db, { status: 'open' });
    const openRoom = makeRoom(db, open.id, 'mixed', 13);
    makeStay(db, { arrivalId: makeArrival(db).id, shelterId: open.id, bedIds: [openRoom.beds[0].id], status: 'checked_in' });
    makeRoom(db, makeShelter(db, { status: 'paused' }).id, 'men', 4);
    makeRoom(db, makeShelter(db, { status: 'closed' }).id, 'women', 2);

    const network = networkNow(db, new Date());
    expect(network.free).toEqual({ open: 12, paused: 4 });
    // The totals still hold every bed in service, for the occupancy rate.
    expect(network.totals.inService).toBe(19);
  });
});
