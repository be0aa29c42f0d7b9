import { afterAll, describe, expect, it } from 'vitest';
import { write, type Db } from '@/db';
import { createCity, deleteCity, updateCity } from '@/lib/cities/manage';
import { DomainError } from '@/lib/errors';
import { registerArrival } from '@/lib/households/intake';
import { formStamp } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { createShelter, updateShelterProfile } from '@/lib/shelters/profile';
import { arrivalSchema } from '@/lib/validation/arrival';
import { createCitySchema, updateCitySchema } from '@/lib/validation/city';
import { publicRequestSchema } from '@/lib/validation/request';
import { newShelterSchema, shelterProfileSchema } from '@/lib/validation/shelter';
import { asStaff, makeArrival, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T14:00:00Z');
const admin = asStaff(makeUser(db, 'admin'));

/** The refusal's code and field, or 'ok'. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.field ? `${error.code}@${error.field}` : error.code;
    throw error;
  }
  return 'ok';
}
/** A call that is refused writes nothing at all. */
function refusedWritingNothing(fn: (tx: Db) => unknown): string {
  const before = snapshot(sqlite);
  const code = refusal(() => write(db, fn));
  expect(snapshot(sqlite)).toBe(before);
  return code;
}
const cityForm = (values: Record<string, string> = {}) =>
  createCitySchema.parse({ nameEn: 'Yerevan', timeZone: 'Asia/Yerevan', ...values });
const cityRow = (id: string) =>
  sqlite.prepare('select slug, time_zone as zone, contact_telegram as telegram from cities where id = ?').get(id) as {
    slug: string;
    zone: string;
    telegram: string | null;
  };
const namesOf = (id: string) =>
  Object.fromEntries(
    (sqlite.prepare('select locale, name from city_names where city_id = ?').all(id) as { locale: string; name: string }[]).map((r) => [
      r.locale,
      r.name,
    ]),
  );
const audit = (action: string) => sqlite.prepare('select count(*) from audit_events where action = ?').pluck().get(action);

describe('an admin of every city keeps the cities', () => {
  it('adds a city with its names, zone and contact; the address word comes from the English name', () => {
    const id = write(db, (tx) =>
      createCity(
        tx,
        admin,
        cityForm({
          nameEn: 'Nur-Sultan Ákmola',
          nameRu: 'Нур-Султан',
          nameUk: '',
          timeZone: 'asia/almaty',
          contactTelegram: '@astana_help',
        }),
        NOW,
      ),
    );
    expect(cityRow(id)).toEqual({ slug: 'nur-sultan-akmola', zone: 'Asia/Almaty', telegram: '@astana_help' });
    expect(namesOf(id)).toEqual({ en: 'Nur-Sultan Ákmola', ru: 'Нур-Султан' });
    expect(audit('city.create')).toBe(1);
  });

  it('refuses a second city with the same address word, next to the field, writing nothing', () => {
    write(db, (tx) => createCity(tx, admin, cityForm({ nameEn: 'Tbilisi', timeZone: 'Asia/Tbilisi' }), NOW));
    expect(refusedWritingNothing((tx) => createCity(tx, admin, cityForm({ nameEn: 'Tbilisi ', timeZone: 'Asia/Tbilisi' }), NOW))).toBe(
      'citySlugTaken@slug',
    );
    expect(refusedWritingNothing((tx) => createCity(tx, admin, cityForm({ nameEn: 'Old Tiflis', slug: 'tbilisi' }), NOW))).toBe(
      'citySlugTaken@slug',
    );
  });

  it('refuses a time zone that does not exist, an address word with other signs, and a contact with markup', () => {
    const issues = (values: Record<string, string>) =>
      createCitySchema
        .safeParse({ nameEn: 'Belgrade', timeZone: 'Europe/Belgrade', ...values })
        .error?.issues.map((i) => `${i.message}@${String(i.path[0])}`);
    expect(issues({ timeZone: 'Europe/Atlantis' })).toEqual(['invalidTimeZone@timeZone']);
    expect(issues({ timeZone: '' })).toEqual(['required@timeZone']);
    expect(issues({ slug: 'Bel grade!' })).toEqual(['invalidSlug@slug']);
    expect(issues({ nameEn: '' })).toEqual(['required@nameEn']);
    expect(issues({ contactPhone: '<b>call</b>' })).toEqual(['invalidHandle@contactPhone']);
    expect(issues({})).toBeUndefined();
  });

  it('renames a city and changes its address word; a blank name in another language is removed', () => {
    const id = makeCity(db, 'Belgrade', { slug: 'belgrade', timeZone: 'Europe/Belgrade' }).id;
    write(db, (tx) =>
      updateCity(
        tx,
        admin,
        updateCitySchema.parse({ cityId: id, nameEn: 'Belgrade', nameTr: 'Belgrad', slug: 'beograd', timeZone: 'Europe/Belgrade' }),
        NOW,
      ),
    );
    expect(cityRow(id).slug).toBe('beograd');
    expect(namesOf(id)).toEqual({ en: 'Belgrade', tr: 'Belgrad' });
    write(db, (tx) =>
      updateCity(
        tx,
        admin,
        updateCitySchema.parse({ cityId: id, nameEn: 'Belgrade', nameTr: '', slug: 'beograd', timeZone: 'Europe/Belgrade' }),
        NOW,
      ),
    );
    expect(namesOf(id)).toEqual({ en: 'Belgrade' });
    expect(audit('city.update')).toBe(2);
  });
});

describe('an admin who holds some cities', () => {
  const mine = makeCity(db, 'Antalya', { slug: 'antalya' });
  const theirs = makeCity(db, 'Izmir', { slug: 'izmir' });
  const scoped = asStaff(makeUser(db, 'admin', { cityIds: [mine.id] }), [], [mine.id]);

  it('edits their own city only, and neither adds nor deletes one', () => {
    write(db, (tx) =>
      updateCity(
        tx,
        scoped,
        updateCitySchema.parse({
          cityId: mine.id,
          nameEn: 'Antalya',
          slug: 'antalya',
          timeZone: 'Europe/Istanbul',
          contactPhone: '+90 555 1',
        }),
        NOW,
      ),
    );
    expect(
      refusedWritingNothing((tx) =>
        updateCity(tx, scoped, updateCitySchema.parse({ cityId: theirs.id, nameEn: 'Mine now', timeZone: 'Europe/Istanbul' }), NOW),
      ),
    ).toBe('notAllowed');
    expect(refusedWritingNothing((tx) => createCity(tx, scoped, cityForm({ nameEn: 'Bursa', timeZone: 'Europe/Istanbul' }), NOW))).toBe(
      'notAllowed',
    );
    expect(refusedWritingNothing((tx) => deleteCity(tx, scoped, mine.id, NOW))).toBe('notAllowed');
  });

  it('is refused for a guide or a host even in a city they hold', () => {
    const guide = asStaff(makeUser(db, 'guide', { cityIds: [mine.id] }), [], [mine.id]);
    const host = asStaff(makeUser(db, 'host'), []);
    for (const caller of [guide, host]) {
      expect(
        refusedWritingNothing((tx) =>
          updateCity(tx, caller, updateCitySchema.parse({ cityId: mine.id, nameEn: 'X', timeZone: 'Europe/Istanbul' }), NOW),
        ),
      ).toBe('notAllowed');
      expect(refusedWritingNothing((tx) => createCity(tx, caller, cityForm({ nameEn: 'Bursa' }), NOW))).toBe('notAllowed');
    }
  });
});

describe('deleting a city', () => {
  it('is refused while shelters, households or staff are still in it, and done once nothing is', () => {
    const city = makeCity(db, 'Kars', { slug: 'kars' });
    const shelter = makeShelter(db, { cityId: city.id });
    expect(refusedWritingNothing((tx) => deleteCity(tx, admin, city.id, NOW))).toBe('cityHasShelters');
    sqlite.prepare('delete from shelters where id = ?').run(shelter.id);
    const household = makeArrival(db, { cityId: city.id });
    expect(refusedWritingNothing((tx) => deleteCity(tx, admin, city.id, NOW))).toBe('cityHasHouseholds');
    sqlite.prepare("update arrivals set status = 'left' where id = ?").run(household.id);
    const guide = makeUser(db, 'guide', { cityIds: [city.id] });
    expect(refusedWritingNothing((tx) => deleteCity(tx, admin, city.id, NOW))).toBe('cityHasStaff');
    sqlite.prepare('delete from staff_cities where user_id = ?').run(guide.id);
    write(db, (tx) => deleteCity(tx, admin, city.id, NOW));
    expect(sqlite.prepare('select count(*) from cities where id = ?').pluck().get(city.id)).toBe(0);
    // A household that has left keeps its history; it is simply in no city now.
    expect(sqlite.prepare('select city_id from arrivals where id = ?').pluck().get(household.id)).toBeNull();
    expect(audit('city.delete')).toBe(1);
  });
});

describe('every shelter belongs to a city', () => {
  const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan-2', timeZone: 'Asia/Yerevan' });
  const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul-2', timeZone: 'Europe/Istanbul' });
  const scoped = asStaff(makeUser(db, 'admin', { cityIds: [istanbul.id] }), [], [istanbul.id]);
  const rawProfile = (shelterId: string, values: Record<string, string> = {}) => ({
    shelterId,
    name: 'Moved',
    district: 'Kentron',
    checkInFrom: '14:00',
    checkInUntil: '23:00',
    holdHours: '6',
    usualNights: '3',
    checkOutBy: '11:00',
    timeZone: 'Asia/Yerevan',
    status: 'open',
    ...values,
  });
  const profileForm = (shelterId: string, values: Record<string, string> = {}) => shelterProfileSchema.parse(rawProfile(shelterId, values));
  const shelterRow = (id: string) =>
    sqlite.prepare('select city_id as cityId, time_zone as zone from shelters where id = ?').get(id) as { cityId: string; zone: string };

  it("a new shelter is in the chosen city and keeps that city's time zone", () => {
    const id = write(db, (tx) =>
      createShelter(tx, admin, newShelterSchema.parse({ name: 'Kentron Flat', district: 'Kentron', cityId: yerevan.id }), NOW),
    );
    expect(shelterRow(id)).toEqual({ cityId: yerevan.id, zone: 'Asia/Yerevan' });
  });

  it('a new shelter needs a city, one that exists and that the admin holds', () => {
    expect(newShelterSchema.safeParse({ name: 'A', district: 'B', cityId: '' }).error?.issues[0].message).toBe('chooseCity');
    expect(refusedWritingNothing((tx) => createShelter(tx, admin, { name: 'A', district: 'B', cityId: 'no-such-city' }, NOW))).toBe(
      'unknownCity@cityId',
    );
    expect(refusedWritingNothing((tx) => createShelter(tx, scoped, { name: 'A', district: 'B', cityId: yerevan.id }, NOW))).toBe(
      'cityNotHeld@cityId',
    );
  });

  it('an admin moves a shelter into a city they hold; into another, nothing is written', () => {
    const shelter = makeShelter(db, { cityId: istanbul.id });
    expect(refusedWritingNothing((tx) => updateShelterProfile(tx, scoped, profileForm(shelter.id, { cityId: yerevan.id }), NOW))).toBe(
      'cityNotHeld@cityId',
    );
    expect(refusedWritingNothing((tx) => updateShelterProfile(tx, admin, profileForm(shelter.id, { cityId: 'nowhere' }), NOW))).toBe(
      'unknownCity@cityId',
    );
    write(db, (tx) => updateShelterProfile(tx, admin, profileForm(shelter.id, { cityId: yerevan.id }), NOW));
    expect(shelterRow(shelter.id)).toEqual({ cityId: yerevan.id, zone: 'Asia/Yerevan' });
  });

  it('a host saves the profile without touching the city, and may not move it', () => {
    const shelter = makeShelter(db, { cityId: istanbul.id });
    const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
    write(db, (tx) => updateShelterProfile(tx, host, profileForm(shelter.id, { timeZone: 'Europe/Istanbul' }), NOW));
    expect(shelterRow(shelter.id).cityId).toBe(istanbul.id);
    expect(refusedWritingNothing((tx) => updateShelterProfile(tx, host, profileForm(shelter.id, { cityId: yerevan.id }), NOW))).toBe(
      'notAllowed@cityId',
    );
  });

  it('the profile takes any real time zone, and refuses one that is not', () => {
    expect(profileForm('x', { timeZone: 'America/Sao_Paulo' }).timeZone).toBe('America/Sao_Paulo');
    expect(shelterProfileSchema.safeParse(rawProfile('x', { timeZone: 'Mars/Olympus' })).error?.issues[0].message).toBe('invalidTimeZone');
  });
});

describe('a household says where it is and where it is going', () => {
  // This file's network has several cities by now: the city must be said.
  const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan-3', timeZone: 'Asia/Yerevan' });
  const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul-3' });
  const guide = asStaff(makeUser(db, 'guide'));
  const istanbulGuide = asStaff(makeUser(db, 'guide', { cityIds: [istanbul.id] }), [], [istanbul.id]);
  const intake = (values: Record<string, string> = {}) =>
    arrivalSchema.parse({ alias: 'Elmar', adultMen: '1', adultWomen: '0', children: '0', ...values });
  const citiesOf = (id: string) =>
    sqlite.prepare('select city_id as here, destination_city_id as going from arrivals where id = ?').get(id);

  it("the guide's intake writes both cities", () => {
    const id = write(db, (tx) => registerArrival(tx, guide, intake({ cityId: istanbul.id, destinationCityId: yerevan.id }), NOW));
    expect(citiesOf(id)).toEqual({ here: istanbul.id, going: yerevan.id });
  });

  it('a guide of one city registers people there when the form says nothing; never in a city they do not hold', () => {
    const id = write(db, (tx) => registerArrival(tx, istanbulGuide, intake(), NOW));
    expect(citiesOf(id)).toEqual({ here: istanbul.id, going: null });
    expect(refusedWritingNothing((tx) => registerArrival(tx, istanbulGuide, intake({ cityId: yerevan.id }), NOW))).toBe(
      'cityNotHeld@cityId',
    );
  });

  it('with several cities the current city is required, and an unknown one is refused next to its field', () => {
    expect(refusedWritingNothing((tx) => registerArrival(tx, guide, intake(), NOW))).toBe('chooseCity@cityId');
    expect(refusedWritingNothing((tx) => registerArrival(tx, guide, intake({ cityId: 'atlantis' }), NOW))).toBe('unknownCity@cityId');
    expect(
      refusedWritingNothing((tx) => registerArrival(tx, guide, intake({ cityId: istanbul.id, destinationCityId: 'atlantis' }), NOW)),
    ).toBe('unknownCity@destinationCityId');
  });

  it("the public form's city routes the request to that city's queue", () => {
    const form = (values: Record<string, string>) =>
      publicRequestSchema.parse({ alias: 'Nare', adultMen: '0', adultWomen: '1', children: '0', contact: '@nare', ...values });
    const client = { address: '203.0.113.50', stamp: formStamp(new Date(NOW.getTime() - 60_000)) };
    const outcome = write(db, (tx) => submitRequest(tx, form({ cityId: yerevan.id, destinationCityId: istanbul.id }), client, NOW));
    expect('token' in outcome).toBe(true);
    expect(sqlite.prepare("select city_id as here, destination_city_id as going from arrivals where alias = 'Nare'").get()).toEqual({
      here: yerevan.id,
      going: istanbul.id,
    });
    const unknown = { ...client, stamp: formStamp(new Date(NOW.getTime() - 50_000)) };
    expect(refusedWritingNothing((tx) => submitRequest(tx, form({ cityId: 'atlantis' }), unknown, NOW))).toBe('unknownCity@cityId');
    expect(refusedWritingNothing((tx) => submitRequest(tx, form({}), unknown, NOW))).toBe('chooseCity@cityId');
  });
});
