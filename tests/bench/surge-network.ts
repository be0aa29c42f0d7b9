import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { write, type Db } from '@/db';
import { arrivals, beds, cities, networkSettings, rooms, shelterMembers, shelters, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashLinkToken } from '@/lib/placement/links';
import { signInCookie } from './session';

/** The surge's staff: who each volunteer is, and the one shelter a host works at. */
export type Member = { id: string; email: string; name: string; role: 'guide' | 'host'; shelterId: string | null };

export const SURGE_PASSWORD = 'surge volunteer passphrase';
export const COOKIE_NAME = 'authjs.session-token';

/** A small seeded PRNG (mulberry32), so that two runs walk the same steps with the same pauses. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS = ['Fatih', 'Kadıköy', 'Beşiktaş', 'Şişli', 'Üsküdar', 'Beyoğlu', 'Bakırköy', 'Sarıyer'];

/**
 * Next to the demo story: `shelters` open shelters, each with a men's and a women's dorm and a mixed
 * hall of `bedsPerRoom` beds and two family rooms of four, and `volunteers` staff members (one in
 * `hostEvery` a host bound to one of those shelters, the others guides). The demo's guide and host
 * come first. The public form's hourly ceiling is raised to the most the settings allow.
 */
export async function seedSurgeNetwork(
  db: Db,
  options: { shelters: number; bedsPerRoom: number; volunteers: number; hostEvery: number },
): Promise<Member[]> {
  const passwordHash = await hashPassword(SURGE_PASSWORD);
  const now = new Date();
  // The demo guide holds Istanbul: the surge's shelters and households are all there.
  const cityId = istanbulOf(db);
  return write(db, (tx) => {
    const shelterIds: string[] = [];
    for (let s = 0; s < options.shelters; s++) {
      const shelter = tx
        .insert(shelters)
        .values({
          name: `Surge Shelter ${s + 1}`,
          district: DISTRICTS[s % DISTRICTS.length],
          status: 'open',
          languages: ['ru', 'en', 'tr'],
          acceptsFamilies: true,
          // Open at any hour, holding a reservation three days: whatever the time of day a run starts,
          // its reservations are for tonight and hosts check them in.
          checkInFrom: '00:00',
          checkInUntil: '23:59',
          holdHours: 72,
          lastConfirmedAt: now,
          cityId,
        })
        .returning({ id: shelters.id })
        .get();
      shelterIds.push(shelter.id);
      const layout = [
        { name: "Men's dorm", kind: 'men', beds: options.bedsPerRoom },
        { name: "Women's dorm", kind: 'women', beds: options.bedsPerRoom },
        { name: 'Hall', kind: 'mixed', beds: options.bedsPerRoom },
        { name: 'Family room A', kind: 'family', beds: 4 },
        { name: 'Family room B', kind: 'family', beds: 4 },
      ] as const;
      for (const plan of layout) {
        const room = tx.insert(rooms).values({ shelterId: shelter.id, name: plan.name, kind: plan.kind }).returning({ id: rooms.id }).get();
        tx.insert(beds)
          .values(Array.from({ length: plan.beds }, (_, i) => ({ roomId: room.id, label: String(i + 1) })))
          .run();
      }
    }
    tx.update(networkSettings).set({ requestsPerHour: 10_000 }).where(eq(networkSettings.id, 1)).run();
    const demo = (email: string) => tx.select().from(users).where(eq(users.email, email)).get()!;
    const demoHost = demo('host@waystation.test');
    const fatih = tx
      .select({ shelterId: shelterMembers.shelterId })
      .from(shelterMembers)
      .where(eq(shelterMembers.userId, demoHost.id))
      .get()!;
    const members: Member[] = [
      { ...pick(demo('guide@waystation.test')), role: 'guide', shelterId: null },
      { ...pick(demoHost), role: 'host', shelterId: fatih.shelterId },
    ];
    let hosts = 0;
    for (let i = members.length; i < options.volunteers; i++) {
      const role = i % options.hostEvery === 1 ? 'host' : 'guide';
      const shelterId = role === 'host' ? shelterIds[hosts++ % shelterIds.length] : null;
      const user = tx
        .insert(users)
        .values({ email: `volunteer${i}@surge.test`, name: `Volunteer ${i}`, role, passwordHash, createdAt: now })
        .returning()
        .get();
      if (shelterId) tx.insert(shelterMembers).values({ userId: user.id, shelterId }).run();
      members.push({ ...pick(user), role, shelterId });
    }
    return members;
  });
}

/** The demo's Istanbul, where the surge happens. */
const istanbulOf = (db: Db) => db.select({ id: cities.id }).from(cities).where(eq(cities.slug, 'istanbul')).get()!.id;

const pick = (user: typeof users.$inferSelect) => ({ id: user.id, email: user.email, name: user.name });

/**
 * A member's session cookie, minted with next-auth's own `encode` and the server's secret, holding
 * what lib/auth/config.ts's jwt callback puts in a token at sign-in: the server verifies it like any.
 */
export async function mintSession(member: Member, secret: string): Promise<string> {
  const token = { sub: member.id, name: member.name, email: member.email, uid: member.id, role: member.role, signedInAt: Date.now() };
  return `${COOKIE_NAME}=${await encode({ token, secret, salt: COOKIE_NAME })}`;
}

/** The first `signedIn` members sign in through Auth.js's credentials endpoint (a scrypt each); the rest get minted sessions. */
export async function sessionsFor(
  baseURL: string,
  members: Member[],
  signedIn: number,
  secret: string,
  demoPassword: string,
): Promise<string[]> {
  const cookies: string[] = [];
  for (const [i, member] of members.entries()) {
    if (i < signedIn)
      cookies.push(await signInCookie(baseURL, member.email, member.email.endsWith('@waystation.test') ? demoPassword : SURGE_PASSWORD));
    else cookies.push(await mintSession(member, secret));
  }
  return cookies;
}

// The households arriving in the seed story: single men and women, couples, families with children.
const COMPOSITIONS = [
  { weight: 35, adultMen: 1, adultWomen: 0, children: 0 },
  { weight: 25, adultMen: 0, adultWomen: 1, children: 0 },
  { weight: 15, adultMen: 1, adultWomen: 1, children: 0 },
  { weight: 15, adultMen: 1, adultWomen: 1, children: 2 },
  { weight: 10, adultMen: 0, adultWomen: 1, children: 1 },
];

/**
 * The alias of the surge's `n`th household of a kind ('Surge', 'Backlog', 'Asker'): "#12." never
 * contains "#1.", so the queue's search for one alias finds that household alone.
 */
export const surgeAlias = (kind: 'Surge' | 'Backlog' | 'Asker', n: number) => `${kind} #${n}.`;

/**
 * Hands each guide the next household to place: first those who asked on the public form in the
 * surge's city, else one just arrived at the airport, inserted directly as a guide's intake would leave it.
 */
export class HouseholdSupply {
  private claimed = new Set<string>();
  private selfRegistered = 0;
  /** Each asker's link by its hash, as the database keeps it: placed, the household opens this one. */
  private requestLinks = new Map<string, string>();
  private counter = 0;

  /** The city the households wait in (the demo's Istanbul), for the queue and the public form. */
  readonly cityId: string;

  constructor(
    private db: Db,
    private random: () => number,
    backlog = 0,
  ) {
    this.cityId = istanbulOf(db);
    // Households who landed an hour ago and wait still: the queue lists them first, longest waiting first.
    const landed = new Date(Date.now() - 3600_000);
    for (let n = 1; n <= backlog; n++) {
      db.insert(arrivals)
        .values({
          alias: surgeAlias('Backlog', n),
          adultMen: 1,
          adultWomen: 0,
          children: 0,
          languages: ['ru'],
          arrivedAt: landed,
          cityId: this.cityId,
        })
        .run();
    }
  }

  /** A public request was accepted: its household is waiting in the queue for a guide, holding `token`. */
  requested(token: string) {
    this.selfRegistered++;
    this.requestLinks.set(hashLinkToken(token), token);
  }

  /**
   * The next household for a guide, with the alias the guide searches the queue for, and for one that
   * asked online the link it holds (a reservation gives it no other: lib/requests/request-link.ts).
   */
  next(): { id: string; alias: string; requestToken?: string } {
    if (this.selfRegistered > 0) {
      const waiting = this.db
        .select({ id: arrivals.id, alias: arrivals.alias, hash: arrivals.requestTokenHash })
        .from(arrivals)
        // The surge's askers' city: the demo's Yana waits in Yerevan, outside the demo guide's queue.
        .where(sql`${arrivals.selfRegistered} = 1 and ${arrivals.status} = 'waiting' and ${arrivals.cityId} = ${this.cityId}`)
        .all()
        .find((row) => !this.claimed.has(row.id));
      if (waiting) {
        this.selfRegistered--;
        this.claimed.add(waiting.id);
        return { id: waiting.id, alias: waiting.alias ?? '', requestToken: waiting.hash ? this.requestLinks.get(waiting.hash) : undefined };
      }
    }
    let roll = this.random() * 100;
    const composition = COMPOSITIONS.find((c) => (roll -= c.weight) < 0) ?? COMPOSITIONS[0];
    this.counter++;
    const alias = surgeAlias('Surge', this.counter);
    const id = this.db
      .insert(arrivals)
      .values({
        alias,
        adultMen: composition.adultMen,
        adultWomen: composition.adultWomen,
        children: composition.children,
        languages: this.random() < 0.7 ? ['ru'] : ['uk', 'ru'],
        arrivedAt: new Date(),
        cityId: this.cityId,
      })
      .returning({ id: arrivals.id })
      .get().id;
    return { id, alias };
  }
}
