import { getTranslations } from '@/lib/i18n/server';
import type { ManagedNotice } from '@/lib/notices/live';
import { postShelterNoticeAction } from '../../notices/actions';
import { NoticeForm } from '../../notices/notice-form';
import { NoticeList } from '../../notices/notice-list';

type Props = { notices: ManagedNotice[]; shelter: { id: string; timeZone: string } };

/** "Notices to guests" on a shelter's page, for those who may post them: what guests see now, and a form. */
export async function GuestNoticesSection({ notices, shelter }: Props) {
  const t = await getTranslations('guestNotices');
  return (
    <section className="card" aria-labelledby="guest-notices-title">
      <h2 id="guest-notices-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <h3>{t('live')}</h3>
      <NoticeList
        notices={notices}
        zoneOf={() => shelter.timeZone}
        sourceOf={(notice) => t(notice.scope === 'city' ? 'fromCityNetwork' : 'fromShelter')}
      />
      <details>
        <summary>{t('newTitle')}</summary>
        <NoticeForm
          action={postShelterNoticeAction}
          place={{ shelterId: shelter.id, timeZone: shelter.timeZone }}
          idPrefix="shelter-notice"
        />
      </details>
    </section>
  );
}
