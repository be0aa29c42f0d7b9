import type { Db } from '@/db';
import { staffCities, users } from '@/db/schema';

/** Demo staff who hold one city (issue 17): printed by `npm run demo` with the other logins. */
export const DEMO_CITY_LOGINS = [
  { email: 'guide.yerevan@waystation.test', name: 'Anahit (guide, Yerevan)', role: 'guide', city: 'yerevan' },
  { email: 'admin.istanbul@waystation.test', name: 'Kerem (admin, Istanbul)', role: 'admin', city: 'istanbul' },
] as const;

/** In the seed's transaction, once the demo's cities exist: the two logins that hold one city each. */
export function seedCityStaff(tx: Db, passwordHash: string, since: Date, cityIds: Record<'istanbul' | 'yerevan', string>): void {
  for (const login of DEMO_CITY_LOGINS) {
    const user = tx
      .insert(users)
      .values({ email: login.email, name: login.name, role: login.role, passwordHash, createdAt: since })
      .returning({ id: users.id })
      .get();
    tx.insert(staffCities).values({ userId: user.id, cityId: cityIds[login.city] }).run();
  }
}
