import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/audit';
import { AUDIT_PAGE_SIZE, auditChoices, auditPage, parseAuditFilters } from '@/lib/audit/trail';
import { makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(cleanup);
const ZONE = 'Europe/Istanbul';
let guide: { id: string };
let host: { id: string };
let fatih: { id: string };

beforeAll(() => {
  guide = makeUser(db, 'coordinator');
  host = makeUser(db, 'host');
  fatih = makeShelter(db, { name: 'Fatih' });
  const other = makeShelter(db, { name: 'Kadıköy' });
  // 120 reservations by the guide over five Istanbul days, then one check-in by the host at 00:30 local.
  for (let i = 0; i < 120; i++) {
    recordAudit(db, {
      at: new Date(Date.UTC(2026, 10, 20, 6) + i * 3600_000),
      actorId: guide.id,
      action: 'stay.reserve',
      entity: 'stay',
      shelterId: i % 2 ? fatih.id : other.id,
    });
  }
  recordAudit(db, { at: new Date('2026-11-25T21:30:00Z'), actorId: host.id, action: 'stay.check_in', entity: 'stay', shelterId: fatih.id });
});

describe('the audit trail', () => {
  it('lists newest first, fifty to a page, and says how many pages there are', () => {
    const first = auditPage(db, {}, 1, ZONE);
    expect(first).toMatchObject({ total: 121, pages: 3, page: 1, pageOutOfRange: false });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ action: 'stay.check_in', shelter: 'Fatih' });
    const ats = first.rows.map((row) => row.at);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(auditPage(db, {}, 3, ZONE).rows).toHaveLength(21);
  });

  it('filters by actor, action, shelter and local days together', () => {
    expect(auditPage(db, { actor: host.id }, 1, ZONE).total).toBe(1);
    expect(auditPage(db, { action: 'stay.reserve', shelter: fatih.id }, 1, ZONE).total).toBe(60);
    // 21:30 UTC on the 25th is 00:30 on the 26th in Istanbul.
    expect(auditPage(db, { from: '2026-11-26', to: '2026-11-26' }, 1, ZONE).rows.map((row) => row.action)).toEqual(['stay.check_in']);
  });

  it('drops what it cannot use and names it, and shows the last page for a page past it', () => {
    const choices = auditChoices(db);
    const parsed = parseAuditFilters(
      { actor: 'nobody', action: 'drop.tables', shelter: 'x', from: '2026-11-30', to: '2026-11-01', page: 'two' },
      choices,
    );
    expect(parsed).toEqual({ filters: {}, page: 1, problems: ['unknownActor', 'unknownAction', 'unknownShelter', 'reversed', 'badPage'] });
    expect(parseAuditFilters({ from: '2026-13-01' }, choices).problems).toEqual(['badDate']);
    expect(auditPage(db, {}, 99, ZONE)).toMatchObject({ page: 3, pageOutOfRange: true });
  });

  it('leaves the id of the thing acted on out of what the page receives', () => {
    const row = auditPage(db, {}, 1, ZONE).rows[0];
    expect(Object.keys(row).sort()).toEqual(['action', 'actor', 'at', 'entity', 'id', 'shelter']);
  });
});
