import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';
import { firstParam, type SearchParams } from '@/lib/search-params';

/**
 * Right after an intake: the next household is one tap away, and so are the places for this one. Once
 * it is booked, "they wait in the queue" is no longer true: the page's status line says what is.
 */
export async function RegisteredBanner({ query, waiting }: { query: SearchParams; waiting: boolean }) {
  if (firstParam(query.registered) !== '1') return null;
  const t = await getTranslations('intake');
  return (
    <section className="card registered-banner" aria-label={t(waiting ? 'registered' : 'registerAnother')}>
      {waiting ? <p role="status">{t('registered')}</p> : null}
      <p className="row">
        <Link href="/arrivals/new" className="button primary">
          {t('registerAnother')}
        </Link>
        {waiting ? (
          <a href="#suggestions-title" className="button">
            {t('findPlace')}
          </a>
        ) : null}
      </p>
    </section>
  );
}
