import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { addNights, MAX_DAYS_AHEAD } from '@/lib/calendar/nights';
import { getTranslations } from '@/lib/i18n/server';
import { roomsPage } from '@/lib/shelters/rooms-page';
import { createRoom } from './actions';
import { AddRoomForm } from './add-room-form';
import { RoomSection } from './room-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rooms'))('title') };
}

export default async function RoomsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireStaff();
  // A shelter the caller may not change is a 404, the same as one that does not exist.
  const view = roomsPage(getDb(), user, id, new Date(), await getLocale());
  if (!view) notFound();
  const { shelter, rooms, tonight } = view;
  const t = await getTranslations('rooms');
  return (
    <ClientMessages namespaces={['account', 'board', 'errors', 'notices', 'roomKinds', 'rooms', 'translatedNames']}>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      {rooms.length === 0 ? <p className="empty">{t('empty')}</p> : null}
      {rooms.map((room) => (
        <RoomSection key={room.id} room={room} tonight={tonight} lastDay={addNights(tonight, MAX_DAYS_AHEAD)} />
      ))}
      <section className="card" aria-labelledby="add-room">
        <h2 id="add-room">{t('addRoomTitle')}</h2>
        <AddRoomForm action={createRoom} shelterId={shelter.id} />
      </section>
    </ClientMessages>
  );
}
