import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { offerRanges, offers, vettingChecks } from '@/db/schema';
import type { OfferGuests, OfferKind } from '@/db/schema/enums';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { listChecks } from '@/lib/offers/checklist';
import { setOfferStatus, tickCheck } from '@/lib/offers/vetting';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';

const HOUR = 3600_000;

/** The checklist a network of volunteers would set: a call, a visit, and two of them agreeing. */
const DEMO_CHECKLIST = [
  { label: 'Called the host', ticksNeeded: 1 },
  { label: 'Met in person at the place', ticksNeeded: 1 },
  { label: 'Two volunteers agree', ticksNeeded: 2 },
];

type DemoOffer = {
  reference: string;
  city: 'istanbul' | 'yerevan';
  kind: OfferKind;
  capacity: number;
  guests: OfferGuests;
  languages: string[];
  pets?: boolean;
  stepFree?: boolean;
  /** Nights from tonight: the first and the last. */
  nights: [number, number];
  longestNights: number;
  contact: string;
  note: string | null;
  hoursAgo: number;
  /** How far vetting has gone: each step in turn, the guide's ticks, the admin's. */
  vetting: 'new' | 'contacted' | 'verified' | 'active' | 'paused' | 'withdrawn';
};

const DEMO_OFFERS: DemoOffer[] = [
  {
    reference: 'KDZ-4HP',
    city: 'istanbul',
    kind: 'room',
    capacity: 3,
    guests: 'families',
    languages: ['ru', 'tr'],
    pets: true,
    nights: [0, 20],
    longestNights: 14,
    contact: '+90 532 410 22 19',
    note: 'Kadıköy, 3rd floor, no lift. A cat lives here.',
    hoursAgo: 2,
    vetting: 'new',
  },
  {
    reference: 'M7Q-2WX',
    city: 'istanbul',
    kind: 'sofa',
    capacity: 1,
    guests: 'anyone',
    languages: ['ru', 'en'],
    nights: [1, 6],
    longestNights: 5,
    contact: '@lena_kadikoy',
    note: 'Sofa in the living room, near the Moda tram.',
    hoursAgo: 20,
    vetting: 'contacted',
  },
  {
    reference: 'T3V-8NB',
    city: 'istanbul',
    kind: 'flat',
    capacity: 5,
    guests: 'families',
    languages: ['ru', 'uk', 'en'],
    stepFree: true,
    nights: [2, 40],
    longestNights: 30,
    contact: '+90 555 301 77 40',
    note: 'Whole flat while we are away, ground floor.',
    hoursAgo: 50,
    vetting: 'verified',
  },
  {
    reference: 'R9H-6KC',
    city: 'istanbul',
    kind: 'room',
    capacity: 2,
    guests: 'women',
    languages: ['ru'],
    nights: [0, 30],
    longestNights: 10,
    contact: '@olga_sisli',
    note: 'Room for two women, Şişli.',
    hoursAgo: 80,
    vetting: 'active',
  },
  {
    reference: 'B2F-5TS',
    city: 'istanbul',
    kind: 'sofa',
    capacity: 1,
    guests: 'men',
    languages: ['ru', 'tr'],
    nights: [3, 9],
    longestNights: 4,
    contact: '+90 541 200 11 05',
    note: null,
    hoursAgo: 30,
    vetting: 'paused',
  },
  {
    reference: 'Y6N-3RD',
    city: 'yerevan',
    kind: 'room',
    capacity: 2,
    guests: 'anyone',
    languages: ['ru', 'hy'],
    nights: [0, 15],
    longestNights: 7,
    contact: '@ani_kentron',
    note: 'Kentron, five minutes from the metro.',
    hoursAgo: 6,
    vetting: 'new',
  },
  {
    reference: 'W8P-7GA',
    city: 'yerevan',
    kind: 'flat',
    capacity: 4,
    guests: 'families',
    languages: ['ru', 'en'],
    nights: [5, 25],
    longestNights: 20,
    contact: '+374 91 555 012',
    note: 'Our old flat in Arabkir, furnished.',
    hoursAgo: 40,
    vetting: 'withdrawn',
  },
];

const STEPS = ['contacted', 'verified', 'active'] as const;
/** The address and district staff give when a demo offer is made active (lib/homes). */
const DEMO_HOME_PLACES = {
  istanbul: { address: 'Halaskargazi Cd. 48, daire 6', district: 'Şişli' },
  yerevan: { address: 'Komitas Ave 12, apt 5', district: 'Arabkir' },
};

/**
 * In the seed's transaction: the network's vetting checklist and places offered in both cities, at
 * every stage of vetting, each step taken by the demo's guide or admin through the app's own calls,
 * so their pages show who did what. Their private links are random: nobody holds them.
 */
export function seedDemoOffers(
  tx: Db,
  now: Date,
  cityIds: Record<'istanbul' | 'yerevan', string>,
  staff: { guide: StaffUser; admin: StaffUser },
): void {
  tx.insert(vettingChecks)
    .values(DEMO_CHECKLIST.map((check, i) => ({ ...check, position: i + 1, createdAt: now })))
    .run();
  const checks = listChecks(tx);
  for (const demo of DEMO_OFFERS) {
    const at = new Date(now.getTime() - demo.hoursAgo * HOUR);
    const tonight = tonightIn(demo.city === 'istanbul' ? 'Europe/Istanbul' : 'Asia/Yerevan', now);
    const { id } = tx
      .insert(offers)
      .values({
        reference: demo.reference,
        cityId: cityIds[demo.city],
        kind: demo.kind,
        capacity: demo.capacity,
        guests: demo.guests,
        languages: demo.languages,
        pets: demo.pets ?? false,
        stepFree: demo.stepFree ?? false,
        longestNights: demo.longestNights,
        contact: demo.contact,
        note: demo.note,
        tokenHash: hashLinkToken(newLinkToken()),
        createdAt: at,
        updatedAt: at,
        statusChangedAt: at,
      })
      .returning({ id: offers.id })
      .get();
    tx.insert(offerRanges)
      .values({ offerId: id, position: 0, firstNight: addNights(tonight, demo.nights[0]), lastNight: addNights(tonight, demo.nights[1]) })
      .run();
    recordAudit(tx, { at, actorId: null, actorKind: 'guest', action: 'offer.submit', entity: 'offer', entityId: id });
    const later = (hours: number) => new Date(at.getTime() + hours * HOUR);
    const reached = demo.vetting === 'paused' ? 3 : STEPS.indexOf(demo.vetting as (typeof STEPS)[number]) + 1;
    for (let step = 0; step < reached; step++) {
      const by = step === 0 ? staff.guide : staff.admin;
      if (STEPS[step] === 'active') {
        for (const check of checks.slice(1)) tickCheck(tx, staff.guide, { offerId: id, checkId: check.id }, later(step + 0.5));
        tickCheck(tx, staff.admin, { offerId: id, checkId: checks[2].id }, later(step + 0.6));
      } else if (step === 0) tickCheck(tx, staff.guide, { offerId: id, checkId: checks[0].id }, later(0.5));
      // Made active, the offer becomes a home: where it is, as the host said on the phone.
      const home = STEPS[step] === 'active' ? DEMO_HOME_PLACES[demo.city] : undefined;
      setOfferStatus(tx, by, { offerId: id, status: STEPS[step], home }, later(step + 1));
    }
    if (demo.vetting === 'paused') setOfferStatus(tx, staff.admin, { offerId: id, status: 'paused' }, later(5));
    if (demo.vetting === 'withdrawn') {
      tx.update(offers)
        .set({ status: 'withdrawn', endedAt: later(2), statusChangedAt: later(2) })
        .where(eq(offers.id, id))
        .run();
      recordAudit(tx, { at: later(2), actorId: null, actorKind: 'guest', action: 'offer.withdraw', entity: 'offer', entityId: id });
    }
  }
}
