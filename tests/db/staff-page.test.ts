import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { createInvitation } from '@/lib/staff/invitations';
import { staffPage } from '@/lib/staff/staff-page';
import { asStaff, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;
const fatih = makeShelter(db, { name: 'Fatih', cityId: istanbul });
const kentron = makeShelter(db, { name: 'Kentron', cityId: yerevan });

const admin = asStaff(makeUser(db, 'admin', { email: 'all@example.test' }));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul], email: 'ist@example.test' }), [], [istanbul]);
makeUser(db, 'guide', { cityIds: [yerevan], email: 'yerevan-guide@example.test' });
makeUser(db, 'guide', { cityIds: [istanbul], email: 'istanbul-guide@example.test' });
makeUser(db, 'host', { shelterIds: [fatih.id], email: 'fatih-host@example.test' });
const guide = asStaff(makeUser(db, 'guide', { email: 'guide@example.test' }));
const host = asStaff(makeUser(db, 'host', { shelterIds: [kentron.id] }), [kentron.id]);

write(db, (tx) =>
  createInvitation(tx, admin, { email: 'to-yerevan@example.test', role: 'guide', shelterIds: [], cityIds: [yerevan] }, NOW),
);
write(db, (tx) =>
  createInvitation(tx, admin, { email: 'to-istanbul@example.test', role: 'guide', shelterIds: [], cityIds: [istanbul] }, NOW),
);

const emails = (list: { email: string }[]) => list.map((entry) => entry.email).sort();

describe("the staff page's view", () => {
  it('gives an admin of every city everyone, every open invitation, and every city and shelter to give', () => {
    const view = staffPage(db, admin, NOW, 'en')!;
    expect(view.people).toHaveLength(7);
    expect(emails(view.invitations)).toEqual(['to-istanbul@example.test', 'to-yerevan@example.test']);
    expect(view.cities.map((city) => city.name).sort()).toEqual(['Istanbul', 'Yerevan']);
    expect(view.shelters.map((shelter) => shelter.name)).toEqual(['Fatih', 'Kentron']);
    expect(view.allCities).toBe(true);
    expect(view.userId).toBe(admin.id);
    expect(view.people.find((person) => person.email === 'yerevan-guide@example.test')?.cityNames).toEqual(['Yerevan']);
  });

  it('gives an admin of one city only the people and invitations within that city, and only its cities and shelters to give', () => {
    const view = staffPage(db, istanbulAdmin, NOW, 'en')!;
    expect(emails(view.people)).toEqual(['fatih-host@example.test', 'ist@example.test', 'istanbul-guide@example.test']);
    expect(emails(view.invitations)).toEqual(['to-istanbul@example.test']);
    expect(view.cities).toEqual([{ id: istanbul, name: 'Istanbul' }]);
    expect(view.shelters).toEqual([{ id: fatih.id, name: 'Fatih' }]);
    expect(view.allCities).toBe(false);
  });

  it('leaves an invitation out once it has expired', () => {
    const later = new Date(NOW.getTime() + 30 * 24 * 3_600_000);
    expect(staffPage(db, admin, later, 'en')!.invitations).toEqual([]);
  });

  it('is nothing for a guide or a host', () => {
    expect(staffPage(db, guide, NOW, 'en')).toBeNull();
    expect(staffPage(db, host, NOW, 'en')).toBeNull();
  });
});
