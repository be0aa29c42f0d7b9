import { useTranslations } from 'next-intl';

/** "In Istanbul · going to Yerevan": where a household is now and where it wants to go, in a network of several cities. */
export function HouseholdCityLine({ cities }: { cities: { here: string | null; going: string | null } | null }) {
  const t = useTranslations('household');
  if (!cities) return null;
  return (
    <p className="household-cities">
      {t('inCity', { city: cities.here ?? t('noCity') })}
      {cities.going ? ` · ${t('goingTo', { city: cities.going })}` : null}
    </p>
  );
}
