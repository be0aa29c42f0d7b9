'use server';
import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { createCity, deleteCity, updateCity } from '@/lib/cities/manage';
import { createCitySchema, deleteCitySchema, updateCitySchema } from '@/lib/validation/city';

const admins = ['admin'] as const;
// A city's name and contact show on the staff pages and the public list alike.
const STALE = ['/settings/cities', '/shelters'];

export const addCity = staffAction({ roles: admins, schema: createCitySchema }, (input, { user, db, now }) => {
  write(db, (tx) => createCity(tx, user, input, now));
  return { revalidate: STALE, message: 'cityAdded' };
});

export const saveCity = staffAction({ roles: admins, schema: updateCitySchema }, (input, { user, db, now }) => {
  write(db, (tx) => updateCity(tx, user, input, now));
  return { revalidate: STALE, message: 'saved' };
});

/** Refused, with the reason, while shelters, households or staff are still in the city. */
export const removeCity = staffAction({ roles: admins, schema: deleteCitySchema }, ({ cityId }, { user, db, now }) => {
  write(db, (tx) => deleteCity(tx, user, cityId, now));
  return { revalidate: STALE, message: 'cityDeleted' };
});
