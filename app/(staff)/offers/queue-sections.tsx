import Link from '@/components/link';
import { OFFER_KINDS, OFFER_STATUSES } from '@/db/schema/enums';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { OffersQueueView } from '@/lib/offers/queue-page';
import type { OffersQuery } from '@/lib/offers/queue-query';

/** The query string of the queue with these filters (and a page past the first). */
export function queueHref(query: OffersQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.status !== 'open') params.set('status', query.status);
  if (query.city) params.set('city', query.city);
  if (query.kind) params.set('kind', query.kind);
  if (query.capacity) params.set('capacity', String(query.capacity));
  if (query.on) params.set('on', query.on);
  if (query.q) params.set('q', query.q);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/offers?${text}` : '/offers';
}

/** One of the queue's choices, its first option meaning "any". */
function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={`offers-${name}`}>{label}</label>
      <select id={`offers-${name}`} name={name} defaultValue={value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: every view of the queue is a link that can be shared. */
export async function OfferFilters({ view }: { view: OffersQueueView }) {
  const t = await getTranslations('offers');
  const { query } = view;
  return (
    <div className="card filters">
      <form method="get" action="/offers" className="inline-form compact offer-filters">
        <div className="field offer-search">
          <label htmlFor="offers-q">{t('search')}</label>
          <input id="offers-q" name="q" type="search" defaultValue={query.q} maxLength={60} aria-describedby="offers-q-hint" />
          <p className="hint" id="offers-q-hint">
            {t('searchHint')}
          </p>
        </div>
        <FilterSelect
          name="status"
          label={t('state')}
          value={query.status}
          options={[
            { value: 'open', label: t('stateOpen') },
            ...OFFER_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
            { value: 'all', label: t('stateAll') },
          ]}
        />
        {view.cities.choices.length > 0 ? (
          <FilterSelect
            name="city"
            label={t('city')}
            value={query.city ?? ''}
            options={[{ value: '', label: t('anyCity') }, ...view.cities.choices.map((city) => ({ value: city.slug, label: city.name }))]}
          />
        ) : null}
        <FilterSelect
          name="kind"
          label={t('kind')}
          value={query.kind ?? ''}
          options={[{ value: '', label: t('anyKind') }, ...OFFER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))]}
        />
        <div className="field">
          <label htmlFor="offers-capacity">{t('capacityAtLeast')}</label>
          <input
            id="offers-capacity"
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            defaultValue={query.capacity ?? ''}
          />
        </div>
        <div className="field">
          <label htmlFor="offers-on">{t('freeOn')}</label>
          <input id="offers-on" name="on" type="date" defaultValue={query.on ?? ''} />
        </div>
        <button type="submit" className="button primary">
          {t('show')}
        </button>
      </form>
    </div>
  );
}

/** One page of offers: a line each on a desktop, a card each on a phone, its reference leading to the offer. */
export async function OfferList({ view }: { view: OffersQueueView }) {
  const t = await getTranslations('offers');
  const format = await getFormatter();
  const day = (night: string) => format.dateTime(new Date(`${night}T12:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  if (view.offers.length === 0) {
    // The queue as it opens is empty only when nothing is in play; otherwise a filter hides the rest.
    const filtered = queueHref(view.query) !== '/offers';
    return (
      <div className="empty-state">
        <p className="empty">{filtered ? t('emptyFiltered') : t('emptyQueue')}</p>
        {filtered ? <Link href="/offers">{t('clearFilters')}</Link> : null}
      </div>
    );
  }
  return (
    <div className="table-scroll">
      <table className="offer-table stacks">
        <caption>{t('count', { count: view.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reference')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('city')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('dates')}</th>
            <th scope="col">{t('contact')}</th>
          </tr>
        </thead>
        <tbody>
          {view.offers.map((offer) => (
            <tr key={offer.id}>
              <th scope="row">
                <Link href={`/offers/${offer.id}`}>{offer.reference}</Link>
              </th>
              <td data-label={t('state')}>
                <span className="badge">{t(`statuses.${offer.status}`)}</span>
              </td>
              <td data-label={t('city')}>{offer.city}</td>
              <td data-label={t('place')}>
                {t('placeLine', { kind: t(`kinds.${offer.kind}`), capacity: offer.capacity, guests: t(`guests.${offer.guests}`) })}
              </td>
              <td data-label={t('dates')} className="offer-nights">
                {offer.dates ? `${day(offer.dates.firstNight)} – ${day(offer.dates.lastNight)}` : '—'}
                {offer.dates?.more ? ` ${t('moreDates')}` : ''}
              </td>
              <td data-label={t('contact')} className="offer-contact">
                {offer.erased ? <span className="muted">{t('erased')}</span> : offer.contact}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
