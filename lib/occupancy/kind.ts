/** The three kinds of household that unmet demand, the forecast and the expected wait are counted by. */
export const HOUSEHOLD_KINDS = ['men', 'women', 'families'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export type KindCounts = Record<HouseholdKind, number>;
export const noKinds = (): KindCounts => ({ men: 0, women: 0, families: 0 });

/**
 * A household with children is a family. So is a group of adults of both sexes: it is placed whole
 * in one shelter, so it needs a mixed or family room (or a men's and a women's dorm under one roof)
 * and competes for the same beds as families, not for one dorm. Only men: men; only women: women.
 */
export function householdKind(household: { adultMen: number; adultWomen: number; children: number }): HouseholdKind {
  if (household.children > 0 || (household.adultMen > 0 && household.adultWomen > 0)) return 'families';
  return household.adultWomen > 0 ? 'women' : 'men';
}
