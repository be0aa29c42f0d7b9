import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { getDb } from '@/db';
import { BedCountsLine } from '@/components/bed-counts';
import { ConfirmedAgo } from '@/components/confirmed-ago';
import { requireStaff } from '@/lib/auth/current-user';
import { visibleShelters } from '@/lib/shelters/board';
import { addShelter } from './actions';
import { NewShelterForm } from './new-shelter-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shelters'))('title') };
}

export default async function SheltersPage() {
  const user = await requireStaff();
  const t = await getTranslations('shelters');
  const statuses = await getTranslations('status');
  const now = new Date();
  const list = visibleShelters(getDb(), user, now);
  return (
    <>
      <h1>{user.role === 'host' ? t('yourShelters') : t('title')}</h1>
      {list.length === 0 ? <p className="empty">{user.role === 'host' ? t('emptyHost') : t('empty')}</p> : null}
      <ul className="shelter-list">
        {list.map((shelter) => (
          <li key={shelter.id} className="card">
            <div className="card-head">
              <h2>
                <Link href={`/shelters/${shelter.id}`}>{shelter.name}</Link>
              </h2>
              <span className={`badge status-${shelter.status}`}>{statuses(shelter.status)}</span>
            </div>
            <p className="muted">{shelter.district}</p>
            <BedCountsLine counts={shelter.counts} />
            <ConfirmedAgo at={shelter.lastConfirmedAt} now={now} timeZone={shelter.timeZone} />
          </li>
        ))}
      </ul>
      {user.role === 'admin' ? (
        <section className="card">
          <h2>{t('newTitle')}</h2>
          <NewShelterForm action={addShelter} />
        </section>
      ) : null}
    </>
  );
}
