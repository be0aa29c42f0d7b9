import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { shelterTextsByLocale } from '@/lib/shelters/profile';
import { saveShelterProfile } from './actions';
import { ProfileForm } from './profile-form';
import { loadShelter } from '../load-shelter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, shelter } = await loadShelter(params, { edit: true });
  const t = await getTranslations('profile');
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      <ProfileForm action={saveShelterProfile} shelter={{ ...shelter, texts: shelterTextsByLocale(db, shelter.id) }} />
    </>
  );
}
