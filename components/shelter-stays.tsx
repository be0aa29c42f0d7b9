import type { shelterStays, StayView } from '@/lib/households/queries';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { HouseholdLine } from './household-line';
import { ActionButton } from './ui/action-button';
import type { FormAction } from './ui/use-form-action';

type Stays = Pick<ReturnType<typeof shelterStays>, 'staying'>;
type Props = {
  /** Made for the viewer: a household they may not know comes without name or note. */
  stays: Stays;
  timeZone: string;
  now: Date;
  actions: { checkOut: FormAction } | null;
};

/** One household at the shelter: who they are, what they need, their beds, and the line under it. */
async function StayItem({ row, name, detail, children }: { row: StayView; name: string; detail: string; children: React.ReactNode }) {
  const t = await getTranslations('stays');
  const languageNames = await getTranslations('languages');
  const { household, beds } = row;
  return (
    <li aria-label={name}>
      <strong className="stay-alias">{name}</strong>
      <HouseholdLine household={household.composition} />
      {household.languages.length > 0 ? <p className="muted">{household.languages.map((l) => languageNames(l)).join(', ')}</p> : null}
      {household.needNote ? (
        <p className="need-note">
          {t('needs')}: {household.needNote}
        </p>
      ) : null}
      <p className="muted">
        {beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')} · {detail}
      </p>
      {children}
    </li>
  );
}

/**
 * Who is staying now, with check-out for the shelter's staff. Who is expected is the host's day above
 * it (app/(staff)/shelters/[id]/host-day.tsx): one list, with when each household should come.
 */
export async function ShelterStays({ stays, timeZone, now, actions }: Props) {
  const t = await getTranslations('stays');
  const privacy = await getTranslations('privacy');
  const format = await getFormatter();
  const nameOf = ({ household }: StayView) => (household.identified ? (household.alias ?? t('erased')) : privacy('hidden'));
  // What check-out acts on, for a screen reader: the name, or where a household without one sleeps.
  const subjectOf = (row: StayView) =>
    row.household.identified ? nameOf(row) : `${nameOf(row)}, ${row.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')}`;
  const time = (at: Date) => format.dateTime(at, { timeZone, timeStyle: 'short' });
  return (
    <div className="stays">
      <section className="card" aria-labelledby="staying-title">
        <h2 id="staying-title">{t('stayingTitle', { count: stays.staying.length })}</h2>
        {stays.staying.length === 0 ? <p className="empty">{t('noneStaying')}</p> : null}
        <ul className="stay-list">
          {stays.staying.map((row) => (
            <StayItem key={row.id} row={row} name={nameOf(row)} detail={t('since', { time: time(row.checkedInAt ?? now) })}>
              {actions ? (
                <ActionButton
                  action={actions.checkOut}
                  fields={{ stayId: row.id }}
                  label={t('checkOut')}
                  subject={subjectOf(row)}
                  confirm={t('checkOutConfirm')}
                />
              ) : null}
            </StayItem>
          ))}
        </ul>
      </section>
    </div>
  );
}
