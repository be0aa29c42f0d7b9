import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { EARLIER_WORDS, guestWordsPage } from '@/lib/guest-word/words-page';
import { getTranslations } from '@/lib/i18n/server';
import { WordList } from './word-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guestWords'))('title') };
}

/**
 * The guests' word after their stays, for the staff of the stays' cities: first what needs a look
 * (the header's count leads here), then the newest answers. Hosts never: it may be about them.
 */
export default async function GuestWordsPage() {
  const user = await requireStaff();
  if (!can(user, 'stay.feedback')) notFound();
  const view = guestWordsPage(getDb(), user, await getLocale());
  if (!view) notFound();
  const t = await getTranslations('guestWords');
  return (
    <ClientMessages namespaces={['account', 'errors', 'notices']}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card" aria-labelledby="need-look-title">
        <h2 id="need-look-title">
          {t('needLook')} ({view.needLook.length})
        </h2>
        <p className="muted">{t('needLookHelp')}</p>
        <WordList words={view.needLook} empty={t('needLookNone')} />
      </section>
      <section className="card" aria-labelledby="earlier-title">
        <h2 id="earlier-title">{t('earlier')}</h2>
        {view.earlier.length === EARLIER_WORDS ? <p className="muted">{t('earlierLimit', { count: EARLIER_WORDS })}</p> : null}
        <WordList words={view.earlier} empty={t('earlierNone')} />
      </section>
    </ClientMessages>
  );
}
