import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';
import type { OccupancyArea } from '@/lib/occupancy/area';

/**
 * One link per city the caller holds, and one for all of them: plain links, so each view can be
 * shared or bookmarked. An unknown city in the address gets a note, and the caller's own cities instead.
 */
export async function CityLinks({ area, hrefOf }: { area: OccupancyArea; hrefOf: (slug: string | null) => string }) {
  const t = await getTranslations('occupancy');
  return (
    <>
      {area.unknownCity ? (
        <p className="form-status error" role="alert">
          {t('unknownCity')}
        </p>
      ) : null}
      {area.cities.length > 1 ? (
        <nav aria-label={t('citiesNav')} className="range-links city-links">
          <Link href={hrefOf(null)} aria-current={area.city ? undefined : 'page'} className="button">
            {area.allCities ? t('allCities') : t('allMyCities')}
          </Link>
          {area.cities.map((city) => (
            <Link key={city.id} href={hrefOf(city.slug)} aria-current={area.city?.id === city.id ? 'page' : undefined} className="button">
              {city.name}
            </Link>
          ))}
        </nav>
      ) : null}
    </>
  );
}
