import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { intakePage } from '@/lib/households/intake-page';
import { getTranslations } from '@/lib/i18n/server';
import { registerHousehold } from './actions';
import { IntakeForm } from './intake-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('intake'))('title') };
}

export default async function NewArrivalPage() {
  const user = await requireStaff();
  if (!can(user, 'household.register')) notFound();
  const view = intakePage(getDb(), user, new Date(), await getLocale());
  if (!view) notFound();
  const t = await getTranslations('intake');
  return (
    <ClientMessages namespaces={['account', 'errors', 'intake', 'languages', 'notices']}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card">
        <IntakeForm
          action={registerHousehold}
          arrivedAtDefault={view.arrivedAtDefault}
          userId={user.id}
          languages={view.languages}
          shownLanguages={view.shownLanguages}
          meetingPoints={view.meetingPoints}
          cities={view.cities}
        />
      </section>
    </ClientMessages>
  );
}
