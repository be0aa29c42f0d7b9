import { sql } from 'drizzle-orm';
import { write, type Db } from '@/db';
import {
  arrivals,
  beds,
  cities,
  cityNames,
  meetingPoints,
  networkSettings,
  rooms,
  shelterMembers,
  shelters,
  shelterTexts,
  staffCities,
  users,
  type RoomKind,
  type ShelterStatus,
  type TextLocale,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { seedCityStaff } from './city-staff';
import { DEMO_HISTORY_DAYS, seedDemoHistory, type DemoHistoryShelter } from './history';
import { seedDemoNeeds } from './needs';
import { seedDemoNotices } from './notices';
import { seedDemoNow } from './now';
import { seedDemoOffers } from './offers';

export const DEMO_LOGINS = [
  { email: 'admin@waystation.test', name: 'Aylin (admin)', role: 'admin' },
  { email: 'guide@waystation.test', name: 'Dmitri (guide)', role: 'guide' },
  { email: 'host@waystation.test', name: 'Elif (host, Fatih)', role: 'host' },
] as const;

type DemoRoom = { name: string; kind: RoomKind; accessible?: boolean; beds: number; outOfService?: Record<number, string> };
type DemoShelter = {
  /** The demo city it belongs to (DEMO_CITIES): Istanbul unless said. */
  city?: DemoCitySlug;
  name: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  status: ShelterStatus;
  languages: string[];
  amenities: string[];
  acceptsFamilies: boolean;
  acceptsPets: boolean;
  wheelchairAccessible: boolean;
  listedPublicly: boolean;
  telegram?: string;
  phone?: string;
  whatsapp?: string;
  rooms: DemoRoom[];
};

// Two cities, as the networks of 2022 had: Istanbul keeps the network's contact, Yerevan has its own.
const DEMO_CITIES = [
  { slug: 'istanbul', timeZone: 'Europe/Istanbul', names: { en: 'Istanbul', ru: 'Стамбул', tr: 'İstanbul', uk: 'Стамбул' }, contact: {} },
  {
    slug: 'yerevan',
    timeZone: 'Asia/Yerevan',
    names: { en: 'Yerevan', ru: 'Ереван', tr: 'Erivan', uk: 'Єреван' },
    contact: { contactPhone: '+374 55 000 0100', contactTelegram: '@waystation_yerevan_demo' },
  },
] as const;
type DemoCitySlug = (typeof DEMO_CITIES)[number]['slug'];

// Fictional places and contacts: the demo must never point at a real shelter.
const DEMO_SHELTERS: DemoShelter[] = [
  {
    name: 'Fatih Free Shelter',
    district: 'Fatih',
    address: 'Demo Sokak 12, Fatih, İstanbul',
    latitude: 41.0186,
    longitude: 28.9497,
    status: 'open',
    languages: ['ru', 'tr', 'en'],
    amenities: ['wifi', 'shower', 'kitchen', 'charging'],
    acceptsFamilies: true,
    acceptsPets: false,
    wheelchairAccessible: false,
    listedPublicly: true,
    telegram: '@fatih_shelter_demo',
    phone: '+90 555 000 0001',
    rooms: [
      { name: "Men's dorm", kind: 'men', beds: 6, outOfService: { 6: 'Broken frame' } },
      { name: "Women's dorm", kind: 'women', beds: 4 },
      { name: 'Family room', kind: 'family', beds: 4 },
    ],
  },
  {
    name: 'Kadıköy Church Hall',
    district: 'Kadıköy',
    address: 'Örnek Caddesi 5, Kadıköy, İstanbul',
    latitude: 40.9903,
    longitude: 29.0244,
    status: 'open',
    languages: ['ru', 'en'],
    amenities: ['shower', 'meals', 'heating'],
    acceptsFamilies: true,
    acceptsPets: true,
    wheelchairAccessible: true,
    listedPublicly: true,
    whatsapp: '+90 555 000 0002',
    rooms: [
      { name: 'Hall', kind: 'mixed', accessible: true, beds: 10, outOfService: { 9: 'Mattress missing', 10: 'Mattress missing' } },
      { name: 'Side room', kind: 'family', accessible: true, beds: 4 },
    ],
  },
  {
    name: 'Beşiktaş Flat',
    district: 'Beşiktaş',
    address: 'Deneme Sokak 3/4, Beşiktaş, İstanbul',
    latitude: 41.0422,
    longitude: 29.0067,
    status: 'open',
    languages: ['ru', 'uk'],
    amenities: ['wifi', 'kitchen', 'laundry'],
    acceptsFamilies: true,
    acceptsPets: false,
    wheelchairAccessible: false,
    listedPublicly: false,
    telegram: '@besiktas_flat_demo',
    rooms: [
      { name: 'Bedroom', kind: 'family', beds: 3 },
      { name: 'Living room', kind: 'mixed', beds: 2 },
    ],
  },
  {
    name: 'Şişli Community Centre',
    district: 'Şişli',
    address: 'Misal Caddesi 40, Şişli, İstanbul',
    latitude: 41.0602,
    longitude: 28.9877,
    status: 'paused',
    languages: ['tr', 'en'],
    amenities: ['shower', 'lockers'],
    acceptsFamilies: false,
    acceptsPets: false,
    wheelchairAccessible: true,
    listedPublicly: true,
    phone: '+90 555 000 0004',
    rooms: [
      { name: 'Men', kind: 'men', beds: 4, outOfService: { 4: 'Window repair' } },
      { name: 'Women', kind: 'women', beds: 4 },
    ],
  },
  {
    city: 'yerevan',
    name: 'Kentron Volunteer Flat',
    district: 'Kentron',
    address: 'Demo Poghots 7, Kentron, Yerevan',
    latitude: 40.1792,
    longitude: 44.5133,
    status: 'open',
    languages: ['ru', 'hy', 'en'],
    amenities: ['wifi', 'shower', 'kitchen', 'heating'],
    acceptsFamilies: true,
    acceptsPets: false,
    wheelchairAccessible: false,
    listedPublicly: true,
    telegram: '@kentron_flat_demo',
    rooms: [
      { name: 'Big room', kind: 'mixed', beds: 5 },
      { name: 'Family room', kind: 'family', beds: 3 },
    ],
  },
  {
    city: 'yerevan',
    name: 'Arabkir Community Hall',
    district: 'Arabkir',
    address: 'Orinak Street 21, Arabkir, Yerevan',
    latitude: 40.2041,
    longitude: 44.5019,
    status: 'open',
    languages: ['ru', 'hy'],
    amenities: ['shower', 'meals', 'charging'],
    acceptsFamilies: true,
    acceptsPets: true,
    wheelchairAccessible: true,
    listedPublicly: true,
    phone: '+374 55 000 0002',
    rooms: [
      { name: "Men's room", kind: 'men', beds: 4 },
      { name: "Women's room", kind: 'women', accessible: true, beds: 4 },
    ],
  },
];

const FATIH_TEXTS = {
  en: {
    directions: 'From Vezneciler metro (M2): take exit 2, walk 5 minutes downhill, green door next to the bakery. Ring twice.',
    houseRules: 'Quiet after 23:00. No alcohol. Shoes off inside. Keep the address to yourself.',
    whatToBring: 'Your passport stays with you. Bring a towel if you have one; sheets are provided.',
  },
  ru: {
    directions: 'От метро Везнеджилер (M2): выход 2, 5 минут вниз по улице, зелёная дверь рядом с пекарней. Позвоните дважды.',
    houseRules: 'Тишина после 23:00. Без алкоголя. Обувь снимаем у входа. Не делитесь адресом.',
    whatToBring: 'Паспорт держите при себе. Возьмите полотенце, если есть; постельное бельё выдаём.',
  },
  uk: {
    directions: 'Від метро Везнеджилер (M2): вихід 2, 5 хвилин униз вулицею, зелені двері поруч із пекарнею. Подзвоніть двічі.',
    houseRules: 'Тиша після 23:00. Без алкоголю. Взуття знімаємо біля входу. Не поширюйте адресу.',
    whatToBring: 'Паспорт тримайте при собі. Візьміть рушник, якщо маєте; постільну білизну видаємо.',
  },
  tr: {
    directions: 'Vezneciler metrosundan (M2): 2 numaralı çıkış, 5 dakika yokuş aşağı, fırının yanındaki yeşil kapı. İki kez çalın.',
    houseRules: '23:00’ten sonra sessizlik. Alkol yok. İçeride ayakkabılar çıkarılır. Adresi paylaşmayın.',
    whatToBring: 'Pasaportunuz yanınızda kalsın. Varsa havlu getirin; çarşaf veriyoruz.',
  },
} as const;

// A private flat stays off the public list; a paused shelter is listed but not shown while paused.
const DEMO_NETWORK_CONTACT = {
  contactPhone: '+90 555 000 0100',
  contactTelegram: '@waystation_help_demo',
  contactWhatsapp: '+90 555 000 0100',
  requestsPerHour: 60,
};

// Fictional households waiting at the airport, so a guide has someone to place right away.
const DEMO_WAITING = [
  { alias: 'Olga', adultMen: 1, adultWomen: 1, children: 2, languages: ['ru'], minutesAgo: 95, needNote: 'Younger child is 2 years old' },
  { alias: 'Artem', adultMen: 1, adultWomen: 0, children: 0, languages: ['ru', 'en'], minutesAgo: 40 },
  { alias: 'Maria', adultMen: 0, adultWomen: 1, children: 0, languages: ['uk', 'ru'], minutesAgo: 25, needsWheelchair: true },
  // Asked for a place on the public form.
  {
    alias: 'Vera',
    adultMen: 0,
    adultWomen: 1,
    children: 1,
    languages: ['ru'],
    minutesAgo: 10,
    contact: '@vera_demo',
    selfRegistered: true,
  },
  // Waiting in Yerevan: one landed at Zvartnots, one asked on the public form and wants to go on to Istanbul.
  { alias: 'Gleb', adultMen: 1, adultWomen: 0, children: 0, languages: ['ru'], minutesAgo: 50, city: 'yerevan' as const },
  {
    alias: 'Yana',
    adultMen: 0,
    adultWomen: 1,
    children: 1,
    languages: ['ru', 'uk'],
    minutesAgo: 15,
    contact: '@yana_demo',
    selfRegistered: true,
    city: 'yerevan' as const,
    destination: 'istanbul' as const,
  },
];

// Where guides meet arrivals, city by city: the airports and the main bus station (real public places).
const DEMO_MEETING_POINTS: { name: string; city: DemoCitySlug; latitude: number; longitude: number }[] = [
  { name: 'Istanbul Airport', city: 'istanbul', latitude: 41.2753, longitude: 28.7519 },
  { name: 'Sabiha Gökçen Airport', city: 'istanbul', latitude: 40.8986, longitude: 29.3092 },
  { name: 'Esenler bus station', city: 'istanbul', latitude: 41.0383, longitude: 28.8936 },
  { name: 'Zvartnots Airport', city: 'yerevan', latitude: 40.1473, longitude: 44.3959 },
];
// Who is waiting where, so the suggestions show distances from the first visit.
const DEMO_WHEREABOUTS: Record<string, string> = { Artem: 'Istanbul Airport', Maria: 'Sabiha Gökçen Airport', Gleb: 'Zvartnots Airport' };

function seedDemoCities(tx: Db, since: Date): Record<DemoCitySlug, string> {
  const ids = {} as Record<DemoCitySlug, string>;
  for (const city of DEMO_CITIES) {
    const row = tx
      .insert(cities)
      .values({ slug: city.slug, timeZone: city.timeZone, ...city.contact, createdAt: since })
      .returning({ id: cities.id })
      .get();
    tx.insert(cityNames)
      .values(Object.entries(city.names).map(([locale, name]) => ({ cityId: row.id, locale: locale as TextLocale, name })))
      .run();
    ids[city.slug] = row.id;
  }
  return ids;
}

export function isEmpty(db: Db): boolean {
  return (
    (db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0) === 0
  );
}

/** Seeds the demo network once: it does nothing when any user exists, so data survives restarts. */
export async function seedDemo(db: Db, options: { password: string; now: Date }): Promise<boolean> {
  if (!isEmpty(db)) return false;
  const passwordHash = await hashPassword(options.password);
  return write(db, (tx) => {
    if (!isEmpty(tx)) return false;
    const shelterIds: string[] = [];
    const withBeds: DemoHistoryShelter[] = [];
    // The network has been running for a while: its shelters and beds predate the demo's history.
    const since = new Date(options.now.getTime() - (DEMO_HISTORY_DAYS + 1) * 24 * 3600_000);
    const cityIds = seedDemoCities(tx, since);
    for (const demo of DEMO_SHELTERS) {
      const { rooms: demoRooms, city = 'istanbul', ...profile } = demo;
      const timeZone = DEMO_CITIES.find((c) => c.slug === city)!.timeZone;
      const shelter = tx
        .insert(shelters)
        .values({
          ...profile,
          cityId: cityIds[city],
          timeZone,
          lastConfirmedAt: new Date(options.now.getTime() - 2 * 3600_000),
          createdAt: since,
        })
        .returning()
        .get();
      shelterIds.push(shelter.id);
      // Yerevan took fewer people than Istanbul in 2022: its beds were busy half as often.
      withBeds.push({ id: shelter.id, timeZone, pace: city === 'yerevan' ? 0.5 : 1, beds: [] });
      for (const demoRoom of demoRooms) {
        const room = tx
          .insert(rooms)
          .values({ shelterId: shelter.id, name: demoRoom.name, kind: demoRoom.kind, accessible: demoRoom.accessible ?? false })
          .returning()
          .get();
        const roomBeds = tx
          .insert(beds)
          .values(
            Array.from({ length: demoRoom.beds }, (_, i) => ({
              roomId: room.id,
              label: String(i + 1),
              outOfServiceReason: demoRoom.outOfService?.[i + 1] ?? null,
              createdAt: since,
            })),
          )
          .returning({ id: beds.id, outOfServiceReason: beds.outOfServiceReason })
          .all();
        withBeds[withBeds.length - 1].beds.push(...roomBeds.map((bed) => ({ id: bed.id, outOfService: bed.outOfServiceReason !== null })));
      }
    }
    for (const [locale, texts] of Object.entries(FATIH_TEXTS)) {
      tx.insert(shelterTexts)
        .values({ shelterId: shelterIds[0], locale: locale as keyof typeof FATIH_TEXTS, ...texts })
        .run();
    }
    const pointIds = new Map(
      tx
        .insert(meetingPoints)
        .values(DEMO_MEETING_POINTS.map(({ city, ...point }) => ({ ...point, cityId: cityIds[city], createdAt: since })))
        .returning()
        .all()
        .map((point) => [point.name, point.id]),
    );
    for (const { city = 'istanbul', destination, ...household } of DEMO_WAITING) {
      const meetingPointId = pointIds.get(DEMO_WHEREABOUTS[household.alias]) ?? null;
      const cities = { cityId: cityIds[city], destinationCityId: destination ? cityIds[destination] : null };
      tx.insert(arrivals)
        .values({
          ...household,
          ...cities,
          meetingPointId,
          arrivedAt: new Date(options.now.getTime() - household.minutesAgo * 60_000),
          createdAt: options.now,
        })
        .run();
    }
    tx.insert(networkSettings)
      .values({ id: 1, ...DEMO_NETWORK_CONTACT, updatedAt: options.now })
      .run();
    const staffIds: Partial<Record<(typeof DEMO_LOGINS)[number]['role'], string>> = {};
    for (const login of DEMO_LOGINS) {
      const user = tx
        .insert(users)
        .values({ email: login.email, name: login.name, role: login.role, passwordHash, createdAt: since })
        .returning()
        .get();
      staffIds[login.role] = user.id;
      if (login.role === 'host') tx.insert(shelterMembers).values({ userId: user.id, shelterId: shelterIds[0] }).run();
      // The demo guide works at Istanbul's airports: their intake puts households in Istanbul without asking.
      if (login.role === 'guide') tx.insert(staffCities).values({ userId: user.id, cityId: cityIds.istanbul }).run();
    }
    seedDemoHistory(tx, withBeds, options.now, { guideId: staffIds.guide!, hostId: staffIds.host!, adminId: staffIds.admin! });
    const staff = (role: 'guide' | 'host' | 'admin') => ({
      id: staffIds[role]!,
      email: DEMO_LOGINS.find((login) => login.role === role)!.email,
      name: role,
      role,
      locale: 'en',
      shelterIds: role === 'host' ? [shelterIds[0]] : [],
      // The seed acts for every city: tonight's households get their city from their stay just below.
      cityIds: null,
    });
    seedDemoNow(tx, options.now, { guide: staff('guide'), host: staff('host'), admin: staff('admin') });
    // Households of the history and of tonight were in the city of the shelter they stayed at.
    tx.run(
      sql`update arrivals set city_id = (select sh.city_id from stays s join shelters sh on sh.id = s.shelter_id where s.arrival_id = arrivals.id order by s.created_at desc limit 1) where city_id is null`,
    );
    tx.run(sql`update arrivals set city_id = ${cityIds.istanbul} where city_id is null`);
    seedCityStaff(tx, passwordHash, since, cityIds);
    seedDemoNotices(tx, options.now, { fatih: shelterIds[0], yerevan: cityIds.yerevan }, { host: staffIds.host!, admin: staffIds.admin! });
    seedDemoNeeds(tx, options.now, { fatih: shelterIds[0], kadikoy: shelterIds[1] }, { host: staffIds.host!, admin: staffIds.admin! });
    seedDemoOffers(tx, options.now, cityIds, { guide: staff('guide'), admin: staff('admin') });
    return true;
  });
}
