'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { createCity, deleteCity, updateCity } from '@/lib/cities/manage';
import { createCitySchema, deleteCitySchema, updateCitySchema } from '@/lib/validation/city';

// A city's name and contact show on the staff pages and the public list alike.
const STALE = ['/settings/cities', '/shelters'];

export const addCity = staffAction({ permission: 'city.create', schema: createCitySchema }, (input, { user, db, now }) => {
  write(db, (tx) => createCity(tx, user, input, now));
  return { revalidate: STALE, message: 'cityAdded' };
});

export const saveCity = staffAction({ permission: 'city.edit', schema: updateCitySchema }, (input, { user, db, now }) => {
  const changed = write(db, (tx) => updateCity(tx, user, input, now));
  // A new clock says what it moved and what it kept, so nobody is surprised by times that now read differently.
  return changed ? { revalidate: STALE, message: 'cityClockChanged', messageParams: changed } : { revalidate: STALE, message: 'saved' };
});

/** Refused, with the reason, while shelters, households or staff are still in the city. */
export const removeCity = staffAction({ permission: 'city.edit', schema: deleteCitySchema }, ({ cityId }, { user, db, now }) => {
  write(db, (tx) => deleteCity(tx, user, cityId, now));
  return { revalidate: STALE, message: 'cityDeleted' };
});
