'use client';

import { useTranslations } from 'next-intl';

type Household = { adultMen: number; adultWomen: number; children: number; needsWheelchair: boolean; hasPet: boolean };

/** "4 people: 1 man, 1 woman, 2 children" with marks for children, wheelchair and pets. */
export function HouseholdLine({ household }: { household: Household }) {
  const t = useTranslations('household');
  const size = household.adultMen + household.adultWomen + household.children;
  const parts = [
    household.adultMen ? t('men', { count: household.adultMen }) : null,
    household.adultWomen ? t('women', { count: household.adultWomen }) : null,
    household.children ? t('children', { count: household.children }) : null,
  ].filter(Boolean);
  return (
    <span className="household-line">
      <span>
        <strong>{t('people', { count: size })}</strong>: {parts.join(', ')}
      </span>
      {household.children > 0 ? <span className="badge mark-children">{t('withChildren')}</span> : null}
      {household.needsWheelchair ? <span className="badge mark-wheelchair">♿ {t('wheelchair')}</span> : null}
      {household.hasPet ? <span className="badge">{t('pet')}</span> : null}
    </span>
  );
}
