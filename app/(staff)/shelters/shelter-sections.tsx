import { BedCountsLine } from '@/components/bed-counts';
import { ConfirmedAgo } from '@/components/confirmed-ago';
import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';
import type { ShelterListPage } from '@/lib/shelters/list-page';
import { addShelter } from './actions';
import { NewShelterForm } from './new-shelter-form';

/** One card per shelter: its name (the way in), status, district (and city), tonight's beds, and when last confirmed. */
export async function ShelterCards({ view, now }: { view: ShelterListPage; now: Date }) {
  const t = await getTranslations('shelters');
  const statuses = await getTranslations('status');
  return (
    <ul className="shelter-list">
      {view.list.rows.map((shelter) => (
        <li key={shelter.id} className="card">
          <div className="card-head">
            <h2>
              <Link href={`/shelters/${shelter.id}`}>{shelter.name}</Link>
            </h2>
            <span className={`badge status-${shelter.status}`}>{statuses(shelter.status)}</span>
          </div>
          <p className="muted">{view.byCity ? `${shelter.district} · ${shelter.cityName ?? t('noCity')}` : shelter.district}</p>
          <BedCountsLine counts={shelter.counts} />
          <ConfirmedAgo at={shelter.lastConfirmedAt} now={now} timeZone={shelter.timeZone} />
        </li>
      ))}
    </ul>
  );
}

/** A new shelter, in one of the caller's cities; without a city there is none to add it to yet. */
export async function NewShelterSection({ choice }: { choice: NonNullable<ShelterListPage['newShelter']> }) {
  const t = await getTranslations('shelters');
  return (
    <section className="card">
      <h2>{t('newTitle')}</h2>
      {choice.cities.length > 0 ? (
        <NewShelterForm action={addShelter} cities={choice.cities} preselected={choice.preselected} />
      ) : (
        <p className="empty">
          {t('addCityFirst')} <Link href="/settings/cities">{t('citiesLink')}</Link>
        </p>
      )}
    </section>
  );
}
