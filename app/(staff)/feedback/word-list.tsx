import { getLocale } from 'next-intl/server';
import Link from '@/components/link';
import { ActionButton } from '@/components/ui/action-button';
import type { WordView } from '@/lib/guest-word/words-page';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { lookAtWordAction } from './actions';

const DAY = { day: 'numeric', month: 'long' } as const;
const BADGE = { yes: 'status-open', no: 'status-paused', wrong: 'status-closed' } as const;

/**
 * The guests' answers, each with the stay it is about and what they typed (rendered as text, so
 * markup in a note is only text), who looked at it and when; and, where it still needs it, "Mark as
 * looked at" and "Reopen the home".
 */
export async function WordList({ words, empty }: { words: WordView[]; empty: string }) {
  const t = await getTranslations('guestWords');
  const format = await getFormatter();
  const locale = await getLocale();
  if (words.length === 0) return <p className="empty">{empty}</p>;
  const day = (night: string) => format.dateTime(new Date(`${night}T12:00:00Z`), { ...DAY, timeZone: 'UTC' });
  return (
    <ul className="stay-list word-list">
      {words.map((word) => {
        const zone = word.shelter.timeZone;
        const where = t('where', { shelter: word.shelter.name, city: word.shelter.cityName });
        const stay = word.firstNight && word.departure ? t('stay', { range: `${day(word.firstNight)} – ${day(word.departure)}` }) : null;
        const answered = t('answeredAt', {
          time: format.dateTime(word.answeredAt, { ...DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
        });
        // What a button is about, told after its label: the place, the stay and when the guest answered.
        const subject = [where, stay, answered].filter(Boolean).join(', ');
        return (
          <li key={word.stayId} lang={locale}>
            <p>
              <span className={`badge ${BADGE[word.answer]}`}>{t(`answer_${word.answer}`)}</span>
              {' · '}
              {word.shelter.mayOpen ? <Link href={`/shelters/${word.shelter.id}`}>{where}</Link> : where}
              {word.shelter.home ? ` (${t('home')})` : null}
            </p>
            <p className="muted">{[stay, answered].filter(Boolean).join(' · ')}</p>
            {word.note ? (
              <p className="word-note">
                <span className="muted">{t('note')}</span> {word.note}
              </p>
            ) : (
              <p className="muted">{t('noNote')}</p>
            )}
            {word.mayReopen ? <p>{t('pausedByWord')}</p> : null}
            {word.looked ? (
              <p className="muted">
                {t('looked', {
                  name: word.looked.by ?? t('someone'),
                  time: format.dateTime(word.looked.at, { ...DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
                })}
              </p>
            ) : (
              <ActionButton action={lookAtWordAction} fields={{ stayId: word.stayId }} label={t('markLooked')} subject={subject} />
            )}
            {word.mayReopen ? (
              <ActionButton
                action={lookAtWordAction}
                fields={{ stayId: word.stayId, reopen: 'on' }}
                label={t('reopen')}
                subject={subject}
                confirm={t('reopenConfirm')}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
