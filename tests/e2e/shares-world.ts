import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { openDatabase, write, type Db } from '@/db';
import {
  arrivals,
  beds,
  cities,
  offerRanges,
  offers,
  rooms,
  shelterMembers,
  shelterNeeds,
  shelters,
  staffCities,
  users,
  type Role,
} from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { giveWord } from '@/lib/guest-word/answer';
import { homeFromOffer } from '@/lib/homes/make-home';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut } from '@/lib/placement/stays';
import { eraseHousehold } from '@/lib/privacy/erase';
import { asStaff, defaultCityOf, FIXTURE_HASH, makeCity } from '../support/fixtures';

// The households, staff and shelters of tests/e2e/shares.test.ts, each detail of a household a
// unique marker string, and the share table that says who may receive which. The token hash markers
// are the real SHA-256 hashes of known tokens, so the households' own links work and are visited too.
// Two cities: S, T, W, R and C are Istanbul's (the demo's); Y waits in Yerevan, whose guide and admin
// hold Yerevan alone. Each staff member's name and email are markers too, for those scoped callers.

export const HOUSEHOLDS = ['W', 'R', 'C', 'Y', 'H'] as const;
export type Household = (typeof HOUSEHOLDS)[number];
type Detail = 'alias' | 'contact' | 'note';
export type Marker = { name: string; value: string } & (
  | { household: Household; field: Detail | 'requestTokenHash' | 'linkTokenHash' }
  | { staff: StaffKey; field: 'staffName' | 'staffEmail' }
  | { shelter: 'T'; field: 'needNote' }
  | { word: 'H'; field: 'wordNote' }
  | { offer: OfferKey; field: 'offerContact' | 'offerNote' | 'offerTokenHash'; ownPage: string }
);
/** Two places offered on /offer: O in Istanbul, OY in Yerevan. */
export const OFFERS = ['O', 'OY'] as const;
export type OfferKey = (typeof OFFERS)[number];

export const STAFF = ['hostS', 'hostT', 'guideA', 'guideB', 'admin', 'guideY', 'adminY', 'hostH'] as const;
export type StaffKey = (typeof STAFF)[number];
/** The staff who hold Yerevan alone, and whose reach (lib/staff/scope.ts) is Yerevan's: the rest hold Istanbul or every city. */
export const YEREVAN: StaffKey[] = ['guideY', 'adminY'];
export type Caller = { name: string; kind: StaffKey | 'anonymous'; revealed: ReadonlySet<Household> };

/**
 * Issue 14's share table, README "What we keep" made exact: W waits (any guide); R is reserved by
 * guide A at shelter S (guide A, and S's hosts for alias and note); C is checked in at S (S's hosts,
 * its contact for nobody but an admin). An admin receives a household's details only after "Show
 * details" on it. Whatever is not listed, every token hash included, is nobody's.
 */
const SHARES: Record<Household, Record<Detail, StaffKey[]>> = {
  W: { alias: ['guideA', 'guideB', 'admin'], contact: ['guideA', 'guideB', 'admin'], note: ['guideA', 'guideB', 'admin'] },
  R: { alias: ['guideA', 'hostS', 'admin'], contact: ['guideA', 'admin'], note: ['guideA', 'hostS', 'admin'] },
  C: { alias: ['hostS', 'admin'], contact: ['admin'], note: ['hostS', 'admin'] },
  // Issue 17: Yerevan's queue is any all-city guide's and Yerevan's guide's; its admin's after "Show details".
  Y: {
    alias: ['guideA', 'guideB', 'admin', 'guideY', 'adminY'],
    contact: ['guideA', 'guideB', 'admin', 'guideY', 'adminY'],
    note: ['guideA', 'guideB', 'admin', 'guideY', 'adminY'],
  },
  // Issue 30: H is reserved by guide A in the private home H, whose host (a person who offered a
  // room) receives its alias, never its note.
  H: { alias: ['guideA', 'hostH', 'admin'], contact: ['guideA', 'admin'], note: ['guideA', 'admin'] },
};

/**
 * Issue 30: an offer's contact and note are for the staff who vet it (guides and admins of its city,
 * with no "Show details" step: calling is vetting), never a host; and for the person on the offer's
 * own page, whoever holds its link. Its token hash is nobody's.
 */
const OFFER_SHARES: Record<OfferKey, StaffKey[]> = {
  O: ['guideA', 'guideB', 'admin'],
  OY: ['guideA', 'guideB', 'admin', 'guideY', 'adminY'],
};

/**
 * Issue 30, point 5: a guest's word after their stay (here, the note of "something was wrong" about
 * the private home H in Istanbul) is for the staff of the stay's city, without "Show details"; never
 * a host's (hostH keeps H), nor another city's staff, nor the guest's own page once sent.
 */
const WORD_SHARES: StaffKey[] = ['guideA', 'guideB', 'admin'];

/** Whether `caller` may receive `marker` on the page at `where` (a method and path). */
export function mayReceive(caller: Caller, marker: Marker, where = ''): boolean {
  if ('offer' in marker) {
    if (marker.field === 'offerTokenHash') return false;
    if (where.includes(`${marker.ownPage} `) || where.includes(`${marker.ownPage}?`)) return true;
    return caller.kind !== 'anonymous' && OFFER_SHARES[marker.offer].includes(caller.kind);
  }
  if (caller.kind === 'anonymous') return false;
  if ('word' in marker) return WORD_SHARES.includes(caller.kind);
  // Staff names and emails are checked for the callers of one city only: no other city's staff reaches them.
  if ('staff' in marker) return !YEREVAN.includes(caller.kind) || YEREVAN.includes(marker.staff);
  // A need of T, which is not listed publicly (and paused): on T's page only, for those who may open it.
  if ('shelter' in marker) return caller.kind === 'hostT' || caller.kind === 'admin';
  if (marker.field === 'requestTokenHash' || marker.field === 'linkTokenHash') return false;
  if (!SHARES[marker.household][marker.field].includes(caller.kind)) return false;
  return (caller.kind !== 'admin' && caller.kind !== 'adminY') || caller.revealed.has(marker.household);
}

export type World = {
  shelterS: string;
  shelterT: string;
  /** A private home (lib/homes), made from an active offer, with its own host. */
  homeH: string;
  /** One of the demo's Yerevan shelters, which Yerevan's admin keeps and no Istanbul-only caller should. */
  shelterYerevan: { id: string; name: string };
  shelterNames: { S: string; T: string };
  arrivals: Record<Household, string>;
  /** The links the households hold: W's, R's and Y's requests (R's shows its stay), and C's stay's (a guide registered C). */
  links: { name: string; token: string }[];
  markers: Marker[];
  staff: Record<StaffKey, { id: string; email: string }>;
  stays: { R: string; C: string; H: string };
  /** The household that stayed at H and left: no details, only its word. */
  arrivalH: string;
  offers: Record<OfferKey, { id: string; token: string }>;
};

export const ROLES: Record<StaffKey, Role> = {
  hostS: 'host',
  hostT: 'host',
  guideA: 'guide',
  guideB: 'guide',
  admin: 'admin',
  guideY: 'guide',
  adminY: 'admin',
  hostH: 'host',
};

/** The demo's city by its address word; a database without it gets one. */
function cityOf(db: Db, slug: string, name: string): string {
  return db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()?.id ?? makeCity(db, name, { slug }).id;
}

/**
 * Builds the world through the domain's own calls, as the app would: shelter S with a women's dorm of
 * two beds (both held, so S is offered to no other test's household), shelter T (paused, unlisted)
 * with its own host, three self-registered households in Istanbul and a fourth waiting in Yerevan.
 */
const ALL_DAY = { checkInFrom: '00:00', checkInUntil: '23:59' } as const;

export function buildWorld(databasePath: string): World {
  const tag = randomBytes(6).toString('hex');
  const { db, sqlite } = openDatabase(databasePath);
  try {
    return write(db, (tx) => {
      const now = new Date();
      const istanbul = tx.select({ id: cities.id }).from(cities).where(eq(cities.slug, 'istanbul')).get()?.id ?? defaultCityOf(tx);
      const yerevan = cityOf(tx, 'yerevan', 'Yerevan');
      const cityOfHousehold = (household: Household) => (household === 'Y' ? yerevan : istanbul);
      const S = tx
        .insert(shelters)
        // Open to guests all day: the world books and checks in tonight at whatever hour it is built.
        .values({ name: `Shares S ${tag}`, district: 'Fatih', acceptsFamilies: false, lastConfirmedAt: now, cityId: istanbul, ...ALL_DAY })
        .returning()
        .get();
      const T = tx
        .insert(shelters)
        .values({ name: `Shares T ${tag}`, district: 'Şişli', status: 'paused', cityId: istanbul })
        .returning()
        .get();
      const inYerevan =
        tx
          .select({ id: shelters.id, name: shelters.name })
          .from(shelters)
          .where(eq(shelters.cityId, yerevan))
          .orderBy(shelters.name)
          .limit(1)
          .get() ??
        tx
          .insert(shelters)
          .values({ name: `Shares Yerevan ${tag}`, district: 'Kentron', cityId: yerevan })
          .returning({ id: shelters.id, name: shelters.name })
          .get();
      // The home H, as activating an offer makes it: open all day, like S, for the world's reservation tonight.
      const night = tonightIn('Europe/Istanbul', now);
      const homeOffer = tx
        .insert(offers)
        .values({
          reference: `H-${tag}`.slice(0, 7).toUpperCase(),
          cityId: istanbul,
          kind: 'room',
          capacity: 2,
          guests: 'anyone',
          languages: ['ru'],
          longestNights: 14,
          contact: '+90 555 000 00 00',
          status: 'active',
          updatedAt: now,
          statusChangedAt: now,
        })
        .returning()
        .get();
      tx.insert(offerRanges)
        .values({ offerId: homeOffer.id, position: 0, firstNight: night, lastNight: addNights(night, 13) })
        .run();
      const H = homeFromOffer(tx, null, homeOffer, { address: `Shares H ${tag} Sokak 1`, district: 'Moda' }, now);
      tx.update(shelters).set(ALL_DAY).where(eq(shelters.id, H)).run();
      const dorm = tx.insert(rooms).values({ shelterId: S.id, name: 'Dorm', kind: 'women' }).returning().get();
      const [bedR, bedC] = ['1', '2'].map((label) => tx.insert(beds).values({ roomId: dorm.id, label }).returning().get());
      const markers: Marker[] = [];
      const staff = Object.fromEntries(
        STAFF.map((key) => {
          const [name, email] = [`Shares ${key} ${tag}`, `shares-${key.toLowerCase()}-${tag}@example.test`];
          markers.push(
            { name: `${key}.name`, value: name, staff: key, field: 'staffName' },
            { name: `${key}.email`, value: email, staff: key, field: 'staffEmail' },
          );
          const user = tx.insert(users).values({ email, name, role: ROLES[key], passwordHash: FIXTURE_HASH }).returning().get();
          if (key === 'hostS' || key === 'hostT' || key === 'hostH')
            tx.insert(shelterMembers)
              .values({ userId: user.id, shelterId: key === 'hostS' ? S.id : key === 'hostT' ? T.id : H })
              .run();
          if (YEREVAN.includes(key)) tx.insert(staffCities).values({ userId: user.id, cityId: yerevan }).run();
          return [key, user];
        }),
      ) as Record<StaffKey, typeof users.$inferSelect>;
      const mark = (
        household: Household,
        field: Detail | 'requestTokenHash' | 'linkTokenHash',
        value = `MK${household}-${field}-${tag}`,
      ) => {
        markers.push({ name: `${household}.${field}`, value, household, field });
        return value;
      };
      const links: World['links'] = [];
      const ids = Object.fromEntries(
        HOUSEHOLDS.map((household, i) => {
          // C was registered by a guide and gets its stay's link; the others asked online, and the link
          // they asked with is their one link, showing their stay once placed (R).
          const online = household !== 'C';
          const token = newLinkToken();
          if (online) links.push({ name: `${household}'s request`, token });
          const row = tx
            .insert(arrivals)
            .values({
              alias: mark(household, 'alias'),
              contact: mark(household, 'contact'),
              needNote: mark(household, 'note'),
              adultWomen: 1,
              languages: ['ru'],
              selfRegistered: online,
              requestTokenHash: online ? mark(household, 'requestTokenHash', hashLinkToken(token)) : null,
              arrivedAt: new Date(now.getTime() - (30 + i) * 60_000),
              createdAt: now,
              cityId: cityOfHousehold(household),
            })
            .returning()
            .get();
          return [household, row.id];
        }),
      ) as Record<Household, string>;
      const guideA = asStaff(staff.guideA);
      const placed = (
        [
          ['R', bedR.id],
          ['C', bedC.id],
        ] as const
      ).map(([household, bedId]) => {
        const reservation = reserveBeds(tx, guideA, { arrivalId: ids[household], bedIds: [bedId] }, now);
        if (reservation.token) {
          links.push({ name: `${household}'s stay`, token: reservation.token });
          mark(household, 'linkTokenHash', hashLinkToken(reservation.token));
        }
        return reservation.stayId;
      });
      const [homeBed, leftBed] = tx
        .select({ id: beds.id })
        .from(beds)
        .innerJoin(rooms, eq(rooms.id, beds.roomId))
        .where(eq(rooms.shelterId, H))
        .all();
      const inHome = reserveBeds(tx, guideA, { arrivalId: ids.H, bedIds: [homeBed.id] }, now);
      if (inHome.token) {
        links.push({ name: "H's stay", token: inHome.token });
        mark('H', 'linkTokenHash', hashLinkToken(inHome.token));
      }
      checkIn(tx, asStaff(staff.hostS, [S.id]), placed[1], now);
      // A need with a note is public only for a shelter listed publicly: T's reaches no public page.
      const needNote = `MKT-needNote-${tag}`;
      markers.push({ name: 'T.needNote', value: needNote, shelter: 'T', field: 'needNote' });
      tx.insert(shelterNeeds)
        .values({ shelterId: T.id, kind: 'other', note: needNote, lastDay: '2099-01-01', createdBy: staff.hostT.id })
        .run();
      // A household with no details stays a night at the home H, leaves, and says something was wrong.
      const leftH = tx
        .insert(arrivals)
        .values({ adultMen: 1, languages: ['uk'], arrivedAt: now, createdAt: now, cityId: istanbul })
        .returning({ id: arrivals.id })
        .get().id;
      const atHome = reserveBeds(tx, guideA, { arrivalId: leftH, bedIds: [leftBed.id] }, now);
      const hostOfHome = asStaff(staff.hostH, [H]);
      checkIn(tx, hostOfHome, atHome.stayId, now);
      checkOut(tx, hostOfHome, atHome.stayId, now);
      if (atHome.token) links.push({ name: "H's stay", token: atHome.token });
      const wordNote = `MKH-wordNote-${tag}`;
      markers.push({ name: 'H.wordNote', value: wordNote, word: 'H', field: 'wordNote' });
      const offered = Object.fromEntries(
        OFFERS.map((key) => {
          const token = newLinkToken();
          const ownPage = `/offer/${token}`;
          const offerMark = (field: 'offerContact' | 'offerNote' | 'offerTokenHash', value: string) => {
            markers.push({ name: `${key}.${field}`, value, offer: key, field, ownPage });
            return value;
          };
          const row = tx
            .insert(offers)
            .values({
              reference: `${key}-${tag}`.slice(0, 7).toUpperCase(),
              cityId: key === 'O' ? istanbul : yerevan,
              kind: 'room',
              capacity: 2,
              guests: 'anyone',
              languages: ['ru'],
              longestNights: 7,
              contact: offerMark('offerContact', `@mk${key}contact${tag}`),
              note: offerMark('offerNote', `MK${key}-offerNote-${tag}`),
              tokenHash: offerMark('offerTokenHash', hashLinkToken(token)),
              updatedAt: now,
              statusChangedAt: now,
            })
            .returning({ id: offers.id })
            .get();
          tx.insert(offerRanges)
            .values({ offerId: row.id, position: 0, firstNight: night, lastNight: addNights(night, 7) })
            .run();
          return [key, { id: row.id, token }];
        }),
      ) as World['offers'];
      giveWord(tx, atHome.stayId, { answer: 'wrong', note: wordNote }, now);
      return {
        shelterS: S.id,
        shelterT: T.id,
        homeH: H,
        arrivalH: leftH,
        shelterYerevan: inYerevan,
        shelterNames: { S: S.name, T: T.name },
        arrivals: ids,
        links,
        markers,
        staff: Object.fromEntries(STAFF.map((key) => [key, { id: staff[key].id, email: staff[key].email }])) as World['staff'],
        stays: { R: placed[0], C: placed[1], H: inHome.stayId },
        offers: offered,
      };
    });
  } finally {
    sqlite.close();
  }
}

/** Ends the stays, erases the households (H's word with them) and closes the shelters and the home, so other test files meet none of them. */
export function endWorld(databasePath: string, world: World): void {
  const { db, sqlite } = openDatabase(databasePath);
  const staff = (key: StaffKey, shelterIds: string[] = []) => readStaff(db, world, key, shelterIds);
  try {
    write(db, (tx) => {
      const now = new Date();
      checkOut(tx, staff('hostS', [world.shelterS]), world.stays.C, now);
      cancelStay(tx, staff('guideA'), world.stays.R, now);
      cancelStay(tx, staff('guideA'), world.stays.H, now);
      // As the retention purge would: a household that has left is no one's to erase by hand.
      for (const household of HOUSEHOLDS) eraseHousehold(tx, world.arrivals[household], now, null);
      eraseHousehold(tx, world.arrivalH, now, null);
      tx.update(shelters)
        .set({ status: 'closed' })
        .where(inArray(shelters.id, [world.shelterS, world.shelterT, world.homeH]))
        .run();
    });
  } finally {
    sqlite.close();
  }
}

function readStaff(db: Db, world: World, key: StaffKey, shelterIds: string[]) {
  const user = db.select().from(users).where(eq(users.id, world.staff[key].id)).get()!;
  return asStaff(user, shelterIds);
}
