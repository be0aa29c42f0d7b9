import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import { offerPage } from '@/lib/offers/offer-page';
import { OfferChecklist, OfferDetails, OfferSteps } from './offer-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('offers'))('title') };
}

/** One offer for the staff who vet it: its details, its checklist, its steps with who took each. */
export default async function OfferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireStaff();
  if (!can(user, 'offer.list')) notFound();
  const offer = offerPage(getDb(), user, (await params).id, await getLocale());
  if (!offer) notFound();
  const t = await getTranslations('offers');
  return (
    <ClientMessages namespaces={['account', 'errors', 'notices', 'offers']}>
      <p>
        <Link href="/offers">← {t('title')}</Link>
      </p>
      <h1>
        {t('offerTitle', { reference: offer.reference })} <span className="badge">{t(`statuses.${offer.status}`)}</span>
      </h1>
      <OfferDetails offer={offer} />
      <OfferChecklist offer={offer} />
      <OfferSteps offer={offer} />
    </ClientMessages>
  );
}
