import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { getTranslations } from '@/lib/i18n/server';
import { profilePage } from '@/lib/shelters/profile-page';
import { saveLateArrivals, saveShelterProfile } from './actions';
import { LateArrivalsForm } from './late-arrivals-form';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireStaff();
  // A shelter the caller may not change is a 404, the same as one that does not exist.
  const view = profilePage(getDb(), user, id, await getLocale());
  if (!view) notFound();
  const { shelter } = view;
  const t = await getTranslations('profile');
  return (
    <ClientMessages namespaces={['account', 'amenities', 'errors', 'languages', 'notices', 'profile', 'publicList', 'status']}>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      <ProfileForm action={saveShelterProfile} shelter={shelter} cities={view.cities} chooseCity={view.chooseCity} />
      <LateArrivalsForm action={saveLateArrivals} shelter={view.late} />
    </ClientMessages>
  );
}
