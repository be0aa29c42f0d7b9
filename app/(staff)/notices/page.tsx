import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import { cityNoticesPage } from '@/lib/notices/notices-page';
import { postCityNoticeAction } from './actions';
import { NoticeForm } from './notice-form';
import { NoticeList } from './notice-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guestNotices'))('cityTitle') };
}

/** An admin's notices to the guests of whole cities: the ones live in the cities they hold, and a form. */
export default async function CityNoticesPage() {
  const user = await requireStaff();
  if (!can(user, 'notice.postCity')) notFound();
  const view = cityNoticesPage(getDb(), user, new Date(), await getLocale());
  if (!view) notFound();
  const { cities, notices } = view;
  const t = await getTranslations('guestNotices');
  const byId = new Map(cities.map((city) => [city.id, city]));
  return (
    <ClientMessages namespaces={['account', 'errors', 'guestNotices', 'notices']}>
      <h1>{t('cityTitle')}</h1>
      <p className="muted">{t('cityIntro')}</p>
      <section className="card" aria-labelledby="live-notices-title">
        <h2 id="live-notices-title">{t('live')}</h2>
        <NoticeList
          notices={notices}
          zoneOf={(notice) => byId.get(notice.cityId ?? '')?.timeZone ?? 'UTC'}
          sourceOf={(notice) => t('fromCity', { city: byId.get(notice.cityId ?? '')?.name ?? '—' })}
        />
      </section>
      <section className="card" aria-labelledby="new-notice-title">
        <h2 id="new-notice-title">{t('newTitle')}</h2>
        {cities.length === 0 ? (
          <p className="empty">{t('noCities')}</p>
        ) : (
          <NoticeForm
            action={postCityNoticeAction}
            place={{ cities: cities.map((city) => ({ value: city.id, label: city.name })) }}
            idPrefix="city-notice"
          />
        )}
      </section>
    </ClientMessages>
  );
}
