import type { Household, RoomAvailability } from './types';

/**
 * A household of women, with or without children, and no man: it is offered a women's or a family
 * room before any mixed room, and a mixed room where a man is booked last of all.
 */
export const asksSafeRoom = (household: Pick<Household, 'adultMen' | 'adultWomen'>) => household.adultMen === 0 && household.adultWomen > 0;

/**
 * How a room stands for such a household, lower first: 0 a women's or a family room; 1 a mixed room
 * with no man booked on those nights (or none known); 2 a mixed room with a man booked or staying.
 * Men's rooms never take her (plan.ts roomAdmits), so they need no place here.
 */
export function roomSafety(room: Pick<RoomAvailability, 'kind' | 'menBooked'>): 0 | 1 | 2 {
  if (room.kind !== 'mixed') return 0;
  return (room.menBooked ?? 0) > 0 ? 2 : 1;
}

/** The least safe room a plan uses, for such a household; every plan stands at 0 for anyone else. */
export function planSafety(
  rooms: Pick<RoomAvailability, 'kind' | 'menBooked'>[],
  household: Pick<Household, 'adultMen' | 'adultWomen'>,
): number {
  return asksSafeRoom(household) ? Math.max(0, ...rooms.map(roomSafety)) : 0;
}
