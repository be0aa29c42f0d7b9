import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { getTranslations } from '@/lib/i18n/server';
import { shelterPage } from '@/lib/shelters/shelter-page';
import { GuestNoticesSection } from './guest-notices';
import { NeedsSection } from './needs-section';
import { ShelterDay, ShelterGuestsAndBeds, ShelterSummary } from './shelter-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('board'))('title') };
}

export default async function ShelterBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireStaff();
  const now = new Date();
  // A shelter the caller may not see is a 404, the same as one that does not exist.
  const view = shelterPage(getDb(), user, id, now, await getLocale());
  if (!view) notFound();
  const { shelter, editable } = view;
  const t = await getTranslations('board');
  const statuses = await getTranslations('status');
  return (
    <ClientMessages namespaces={['account', 'errors', 'guestNotices', 'household', 'needs', 'notices']}>
      <div className="page-head">
        <h1>{shelter.name}</h1>
        <span className={`badge status-${shelter.status}`}>{statuses(shelter.status)}</span>
      </div>
      <p className="muted">{shelter.district}</p>
      <nav className="sub-nav" aria-label={t('manage')}>
        <Link href={`/shelters/${shelter.id}/calendar`}>{t('calendar')}</Link>
        {editable ? <Link href={`/shelters/${shelter.id}/rooms`}>{t('manageRooms')}</Link> : null}
        {editable ? <Link href={`/shelters/${shelter.id}/profile`}>{t('editProfile')}</Link> : null}
      </nav>
      {editable ? null : <p className="notice">{t('readOnly')}</p>}
      <ShelterDay view={view} now={now} />
      <ShelterSummary view={view} now={now} />
      {view.notices ? <GuestNoticesSection notices={view.notices} shelter={shelter} /> : null}
      <ShelterGuestsAndBeds view={view} now={now} />
      <NeedsSection view={view} />
    </ClientMessages>
  );
}
