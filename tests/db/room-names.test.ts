import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { roomNames } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { inLocale, saveRoomNames } from '@/lib/shelters/room-names';
import { roomNamesSchema } from '@/lib/validation/shelter';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// A host names their rooms in the languages their guests and the guides read.
const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-06T10:00:00Z');
const shelter = makeShelter(db);
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const otherHost = asStaff(makeUser(db, 'host'), []);
const { room } = makeRoom(db, shelter.id, 'men', 2);
const names = (form: Record<string, string>) => roomNamesSchema.parse({ roomId: room.id, ...form });

describe('rooms’ names per language', () => {
  it('shows a Russian screen the Russian name, and a language without one the room’s own name', () => {
    write(db, (tx) =>
      saveRoomNames(tx, host, names({ nameRu: ' Мужская комната ', nameUk: 'Чоловіча кімната', nameTr: '', nameEn: '' }), NOW),
    );
    const named = (locale: string) => inLocale(db, [{ id: room.id, name: room.name }], locale)[0].name;
    expect(named('ru')).toBe('Мужская комната');
    expect(named('uk')).toBe('Чоловіча кімната');
    expect(named('tr')).toBe(room.name);
    expect(named('en')).toBe(room.name);
    // Cleared, a language falls back again.
    write(db, (tx) => saveRoomNames(tx, host, names({ nameRu: '', nameUk: 'Чоловіча кімната' }), NOW));
    expect(named('ru')).toBe(room.name);
    expect(db.select().from(roomNames).all()).toEqual([{ roomId: room.id, locale: 'uk', name: 'Чоловіча кімната' }]);
  });

  it('keeps markup as the text it is, refuses a name longer than a room’s own may be, and another shelter’s host', () => {
    write(db, (tx) => saveRoomNames(tx, host, names({ nameTr: '<img src=x onerror=alert(1)>' }), NOW));
    expect(inLocale(db, [{ id: room.id, name: room.name }], 'tr')[0].name).toBe('<img src=x onerror=alert(1)>');
    const tooLong = roomNamesSchema.safeParse({ roomId: room.id, nameRu: 'к'.repeat(61) });
    expect(tooLong.success ? null : tooLong.error.issues[0]).toMatchObject({ path: ['nameRu'], message: 'tooLong' });
    const before = db.select().from(roomNames).all();
    expect(() => write(db, (tx) => saveRoomNames(tx, otherHost, names({ nameRu: 'Чужая' }), NOW))).toThrow(DomainError);
    expect(db.select().from(roomNames).all()).toEqual(before);
  });
});
