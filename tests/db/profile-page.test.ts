import { afterAll, describe, expect, it } from 'vitest';
import { shelterTexts } from '@/db/schema';
import { profilePage } from '@/lib/shelters/profile-page';
import { asStaff, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;
makeCity(db, 'Tbilisi', { timeZone: 'Asia/Tbilisi' });
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul, address: 'Kırma Tulumba Sk. 4' });
db.insert(shelterTexts).values({ shelterId: fatih.id, locale: 'en', directions: 'Tram to Aksaray', houseRules: '', whatToBring: '' }).run();

const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const otherHost = asStaff(makeUser(db, 'host'), []);
const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
const twoCityAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul, yerevan] }), [], [istanbul, yerevan]);
const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan] }), [], [yerevan]);
const cityNames = (view: ReturnType<typeof profilePage>) => view!.cities.map((city) => city.name).sort();

describe("a shelter profile page's view", () => {
  it('gives its host every field to edit with its texts by language, and its own city, not to choose', () => {
    const view = profilePage(db, host, fatih.id, 'en')!;
    expect(view.shelter).toMatchObject({ id: fatih.id, name: 'Fatih', address: 'Kırma Tulumba Sk. 4' });
    expect(view.shelter.texts.en).toMatchObject({ directions: 'Tram to Aksaray' });
    expect(cityNames(view)).toEqual(['Istanbul']);
    expect(view.chooseCity).toBe(false);
  });

  it('gives each form the fields it edits, not the row', () => {
    const view = profilePage(db, host, fatih.id, 'en')!;
    expect(view.shelter).not.toHaveProperty('lastConfirmedAt');
    expect(view.shelter).not.toHaveProperty('lateGraceMinutes');
    expect(Object.keys(view.late).sort()).toEqual(['checkInUntil', 'id', 'lateGraceMinutes', 'latestArrival']);
  });

  it('offers an admin the cities they hold to move the shelter to', () => {
    expect(cityNames(profilePage(db, admin, fatih.id, 'en'))).toEqual(['Istanbul', 'Tbilisi', 'Yerevan']);
    const view = profilePage(db, twoCityAdmin, fatih.id, 'en')!;
    expect(cityNames(view)).toEqual(['Istanbul', 'Yerevan']);
    expect(view.chooseCity).toBe(true);
  });

  it('is nothing for whoever may not change the shelter: a guide, another host, an admin of another city', () => {
    expect(profilePage(db, guide, fatih.id, 'en')).toBeNull();
    expect(profilePage(db, otherHost, fatih.id, 'en')).toBeNull();
    expect(profilePage(db, yerevanAdmin, fatih.id, 'en')).toBeNull();
    expect(profilePage(db, host, 'no-such-shelter', 'en')).toBeNull();
  });
});
