import { ActionButton } from '@/components/ui/action-button';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { ShelterPage } from '@/lib/shelters/shelter-page';
import { NEED_NOTE_MAX } from '@/lib/validation/need';
import { addShelterNeed, removeShelterNeed } from './actions';
import { nightDate } from './host-day';
import { NeedForm } from './need-form';

/** What the shelter needs now, as the public list shows it, and (for whoever keeps it) listing more or taking one off. */
export async function NeedsSection({ view }: { view: ShelterPage }) {
  const { shelter, needs } = view;
  const t = await getTranslations('needs');
  const format = await getFormatter();
  return (
    <section className="card" aria-labelledby="needs-title">
      <h2 id="needs-title">{t('title')}</h2>
      <p className="muted">{shelter.listedPublicly ? t('introListed') : t('introNotListed')}</p>
      {needs.list.length === 0 ? <p className="empty">{t('none')}</p> : null}
      <ul className="stay-list">
        {needs.list.map((need) => {
          const what = t(`kinds.${need.kind}`);
          return (
            <li key={need.id}>
              <strong>{what}</strong> · {t('until', { date: nightDate(format, need.lastDay) })}
              {need.note ? <p className="muted">{need.note}</p> : null}
              {needs.editable ? (
                <ActionButton
                  action={removeShelterNeed}
                  fields={{ needId: need.id }}
                  label={t('remove')}
                  subject={what}
                  confirm={t('removeConfirm', { what })}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {needs.editable ? (
        <details>
          <summary>{t('addTitle')}</summary>
          <NeedForm action={addShelterNeed} shelterId={shelter.id} min={needs.today} max={needs.lastDay} noteMax={NEED_NOTE_MAX} />
        </details>
      ) : null}
    </section>
  );
}
