import { DEMO_CITY_LOGINS } from './demo-data/city-staff';
import { DEMO_LOGINS } from './demo-data/seed';

/** Every login the demo seeds, named as the screens name people. */
export function demoLogins(): { who: string; email: string }[] {
  const cityName = (slug: string) => slug[0].toUpperCase() + slug.slice(1);
  return [
    ...DEMO_LOGINS.map((login) => ({
      who:
        login.role === 'admin' ? 'admin of every city' : login.role === 'host' ? 'host of the Fatih shelter' : `${login.role} in Istanbul`,
      email: login.email,
    })),
    ...DEMO_CITY_LOGINS.map((login) => ({
      who: login.role === 'admin' ? `admin of ${cityName(login.city)}` : `${login.role} in ${cityName(login.city)}`,
      email: login.email,
    })),
  ];
}
