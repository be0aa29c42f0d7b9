import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { zonedWallClockToUtc } from '@/lib/calendar/zones';
import { heldCity, impliedCity, knownCity } from '@/lib/cities/choice';
import { cityTimeZone } from '@/lib/cities/clock';
import { DomainError, notAllowed } from '@/lib/errors';
import { meetingPointFor } from '@/lib/meeting-points/points';
import type { ArrivalInput, IntakeInput } from '@/lib/validation/arrival';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far from now an arrival time may lie, and the refusal when it lies further. */
export type ArrivalWindow = { ahead: number; back: number; code: string };

/** A guide registers people who are here already. */
export const GUIDE_ARRIVAL_WINDOW: ArrivalWindow = { ahead: 5 * MINUTE, back: 30 * DAY, code: 'arrivedAtRange' };

/**
 * The arrival time as an instant, read on the clock of the household's city (`timeZone`), refused when
 * a typo would put someone far ahead or back in the queue.
 */
export function arrivalTime(input: Pick<ArrivalInput, 'arrivedAt'>, now: Date, window: ArrivalWindow, timeZone: string): Date {
  const arrivedAt = input.arrivedAt ? zonedWallClockToUtc(input.arrivedAt, timeZone) : now;
  if (arrivedAt.getTime() > now.getTime() + window.ahead || arrivedAt.getTime() < now.getTime() - window.back) {
    throw new DomainError(window.code, 'arrivedAt');
  }
  return arrivedAt;
}

/** How far ahead a household may say it lands: bookings further out are guesses (lib/calendar/nights.ts). */
export const EXPECTED_WINDOW = { ahead: 90 * DAY, back: DAY };

/** When the household expects to land, read on its city's clock; none when it is here already. */
export function expectedTime(input: Pick<ArrivalInput, 'expectedAt'>, now: Date, timeZone: string): Date | null {
  if (!input.expectedAt) return null;
  const expectedAt = zonedWallClockToUtc(input.expectedAt, timeZone);
  if (expectedAt.getTime() > now.getTime() + EXPECTED_WINDOW.ahead || expectedAt.getTime() < now.getTime() - EXPECTED_WINDOW.back) {
    throw new DomainError('expectedAtRange', 'expectedAt');
  }
  return expectedAt;
}

/** The meeting point named by a form, refused when it is not one of the network's or not in the household's city. */
function meetingPointOf(db: Db, id: string | undefined, cityId: string | null): string | null {
  return id ? meetingPointFor(db, id, cityId).id : null;
}

/** Where the household is now and where it is going, refused next to the field when a city is unknown. */
function citiesOf(db: Db, input: Pick<ArrivalInput, 'cityId' | 'destinationCityId'>) {
  return {
    cityId: input.cityId ? knownCity(db, input.cityId, 'cityId').id : impliedCity(db, 'cityId'),
    destinationCityId: input.destinationCityId ? knownCity(db, input.destinationCityId, 'destinationCityId').id : null,
  };
}

/**
 * Writes a waiting household; the caller has checked who may do so. Its times are read on the clock of
 * the city it is in, and refused outside `extra.window`.
 */
export function insertHousehold(
  db: Db,
  input: ArrivalInput,
  extra: { window: ArrivalWindow; registeredBy: string | null; selfRegistered?: boolean; requestTokenHash?: string; intakeKey?: string },
  now: Date,
): string {
  const where = citiesOf(db, input);
  const timeZone = cityTimeZone(db, where.cityId);
  const arrivedAt = arrivalTime(input, now, extra.window, timeZone);
  const expectedAt = expectedTime(input, now, timeZone);
  return db
    .insert(arrivals)
    .values({
      alias: input.alias,
      adultMen: input.adultMen,
      adultWomen: input.adultWomen,
      children: input.children,
      languages: input.languages,
      needsWheelchair: input.needsWheelchair,
      hasPet: input.hasPet,
      needNote: input.needNote,
      contact: input.contact,
      expectedAt,
      nightsWanted: input.nightsWanted ?? null,
      meetingPointId: meetingPointOf(db, input.meetingPointId, where.cityId),
      ...where,
      arrivedAt,
      status: 'waiting',
      registeredBy: extra.registeredBy,
      selfRegistered: extra.selfRegistered ?? false,
      requestTokenHash: extra.requestTokenHash ?? null,
      intakeKey: extra.intakeKey ?? null,
      createdAt: now,
    })
    .returning({ id: arrivals.id })
    .get().id;
}

/**
 * The household an earlier send of this draft wrote, when the same guide sent it. A key another person
 * used is refused with a message that says nothing about them or their household.
 */
function sentBefore(db: Db, user: StaffUser, intakeKey: string | undefined): string | null {
  if (!intakeKey) return null;
  const found = db
    .select({ id: arrivals.id, registeredBy: arrivals.registeredBy })
    .from(arrivals)
    .where(eq(arrivals.intakeKey, intakeKey))
    .get();
  if (!found) return null;
  if (found.registeredBy !== user.id) throw new DomainError('intakeKeyUsed');
  return found.id;
}

const mayRegister = (user: StaffUser) => can(user, 'household.register');

/** A guide of one city registers people in it, unless the form says otherwise; never in a city they do not hold. */
function intakeCity(db: Db, user: StaffUser, chosen: string | undefined): string | undefined {
  const cityId = chosen ?? (user.cityIds?.length === 1 ? user.cityIds[0] : undefined);
  if (cityId) heldCity(db, user, cityId, 'cityId');
  return cityId;
}

/** Registers a household once per intake key: a retried send returns the household the first one wrote. */
export function registerArrival(db: Db, user: StaffUser, input: ArrivalInput, now: Date): string {
  if (!mayRegister(user)) throw notAllowed();
  const earlier = sentBefore(db, user, input.intakeKey);
  if (earlier) return earlier;
  const cityId = intakeCity(db, user, input.cityId);
  const id = insertHousehold(
    db,
    { ...input, cityId },
    { window: GUIDE_ARRIVAL_WINDOW, registeredBy: user.id, intakeKey: input.intakeKey },
    now,
  );
  recordAudit(db, { at: now, actorId: user.id, action: 'arrival.register', entity: 'arrival', entityId: id });
  return id;
}

/** The intake's answer: the household registered, or nothing written because its time was moved to "lands at". */
export type IntakeAnswer = { registered: string } | { movedToLands: true };

/**
 * The guide's one arrival question. "Already here" with a time still ahead is most often someone
 * registered before their flight: rather than refuse it, the form comes back with the time under
 * "lands at" for the guide to confirm, and nothing is written until they do. Registering it as
 * landing at once would be a guess: a mistyped hour or date would hide someone who is standing in
 * front of the guide from tonight's places, and the guide would not see why.
 */
export function takeIntake(db: Db, user: StaffUser, input: IntakeInput, now: Date): IntakeAnswer {
  if (!mayRegister(user)) throw notAllowed();
  const { arrival, arrivalTime: time, ...household } = input;
  if (arrival === 'lands' && !time) throw new DomainError('landsAtRequired', 'arrivalTime');
  if (arrival === 'here' && time && !sentBefore(db, user, input.intakeKey)) {
    const cityId = intakeCity(db, user, input.cityId) ?? impliedCity(db, 'cityId');
    const at = zonedWallClockToUtc(time, cityTimeZone(db, cityId));
    if (at.getTime() > now.getTime() + GUIDE_ARRIVAL_WINDOW.ahead) return { movedToLands: true };
  }
  try {
    const times = arrival === 'here' ? { arrivedAt: time } : { expectedAt: time };
    return { registered: registerArrival(db, user, { ...household, ...times }, now) };
  } catch (error) {
    // The domain names the stored time it refused; the form has one field for either.
    if (error instanceof DomainError && (error.field === 'arrivedAt' || error.field === 'expectedAt'))
      throw new DomainError(error.code, 'arrivalTime', error.params);
    throw error;
  }
}
