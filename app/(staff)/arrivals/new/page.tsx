import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/current-user';
import { NETWORK_TIME_ZONE, utcToZonedWallClock } from '@/lib/time';
import { registerHousehold } from './actions';
import { IntakeForm } from './intake-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('intake'))('title') };
}

export default async function NewArrivalPage() {
  const user = await requireStaff();
  if (user.role === 'host') notFound();
  const t = await getTranslations('intake');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card">
        <IntakeForm action={registerHousehold} arrivedAtDefault={utcToZonedWallClock(new Date(), NETWORK_TIME_ZONE)} />
      </section>
    </>
  );
}
