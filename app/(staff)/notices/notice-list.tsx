import { getLocale } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { ManagedNotice } from '@/lib/notices/live';
import { withdrawNoticeAction } from './actions';

const FIELD_OF = { ru: 'textRu', en: 'textEn', tr: 'textTr', uk: 'textUk' } as const;

type Props = {
  notices: ManagedNotice[];
  /** The zone each notice's end is shown in: the shelter's, or its city's. */
  zoneOf: (notice: ManagedNotice) => string;
  /** Where each notice comes from, in words ("This shelter", "City: Yerevan"). */
  sourceOf: (notice: ManagedNotice) => string;
};

/** Live notices with their texts, their end, and "Take down" (asked twice) where the caller may. */
export async function NoticeList({ notices, zoneOf, sourceOf }: Props) {
  const t = await getTranslations('guestNotices');
  const format = await getFormatter();
  const locale = await getLocale();
  // A notice is told from the next one by its own words, in the reader's language where it has them.
  const wordsOf = (notice: ManagedNotice) => (notice.texts.find((text) => text.locale === locale) ?? notice.texts[0])?.text;
  if (notices.length === 0) return <p className="empty">{t('none')}</p>;
  return (
    <ul className="stay-list notice-list">
      {notices.map((notice) => (
        <li key={notice.id}>
          <p className="muted">
            {sourceOf(notice)} ·{' '}
            {t('until', {
              end: format.dateTime(notice.endsAt, {
                timeZone: zoneOf(notice),
                day: 'numeric',
                month: 'long',
                hour: '2-digit',
                minute: '2-digit',
                hourCycle: 'h23',
              }),
            })}
          </p>
          {notice.texts.map((text) => (
            <p key={text.locale}>
              <span className="muted">{t(FIELD_OF[text.locale])}:</span> <span lang={text.locale}>{text.text}</span>
            </p>
          ))}
          {notice.mayWithdraw ? (
            <ActionButton
              action={withdrawNoticeAction}
              fields={{ noticeId: notice.id }}
              label={t('takeDown')}
              subject={wordsOf(notice)}
              confirm={t('takeDownConfirm')}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
