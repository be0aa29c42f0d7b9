import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { canEditShelter } from '@/lib/auth/staff';
import { viewableShelter } from '@/lib/shelters/access';
import { shelterTextsByLocale } from '@/lib/shelters/profile';
import { saveShelterProfile } from './actions';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireStaff();
  const db = getDb();
  const shelter = viewableShelter(db, user, id);
  if (!shelter || !canEditShelter(user, shelter.id)) notFound();
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
