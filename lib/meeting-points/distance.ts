/** Straight-line distance on the Earth's surface (haversine), in kilometres: no map service is asked. */
const EARTH_RADIUS_KM = 6371.0088;

export type Coordinates = { latitude: number; longitude: number };

const radians = (degrees: number) => (degrees * Math.PI) / 180;

export function distanceKm(from: Coordinates, to: Coordinates): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A distance as a guide reads it: 0 for "under 1 km", one decimal under 10 km ("3.4 km"), whole
 * kilometres above (a straight line is no more precise than that across a city).
 */
export function shownKm(km: number): number {
  if (km < 1) return 0;
  return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
}
