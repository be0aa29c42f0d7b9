import { getFormatter, getTranslations } from 'next-intl/server';
import type { shelterStays } from '@/lib/arrivals/queries';
import type { FormAction } from './ui/use-form-action';
import { ActionButton } from './ui/action-button';
import { HouseholdLine } from './household-line';

type Stays = ReturnType<typeof shelterStays>;
type StayRow = Stays['expected'][number];
type Props = {
  stays: Stays;
  /** Whether the viewer may see who this household is (lib/privacy/shares.ts). */
  visible: (row: StayRow) => boolean;
  timeZone: string;
  now: Date;
  actions: { checkIn: FormAction; checkOut: FormAction; cancel: FormAction } | null;
};

/** One household at the shelter: who they are, what they need, their beds, and the line under it. */
async function StayItem({ row, visible, detail, children }: { row: StayRow; visible: boolean; detail: string; children: React.ReactNode }) {
  const t = await getTranslations('stays');
  const privacy = await getTranslations('privacy');
  const languageNames = await getTranslations('languages');
  const { arrival, beds } = row;
  const name = visible ? (arrival.alias ?? t('erased')) : privacy('hidden');
  return (
    <li aria-label={name}>
      <strong className="stay-alias">{name}</strong>
      <HouseholdLine household={arrival} />
      {arrival.languages.length > 0 ? <p className="muted">{arrival.languages.map((l) => languageNames(l)).join(', ')}</p> : null}
      {visible && arrival.needNote ? (
        <p className="need-note">
          {t('needs')}: {arrival.needNote}
        </p>
      ) : null}
      <p className="muted">
        {beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')} · {detail}
      </p>
      {children}
    </li>
  );
}

/** Who is expected tonight and who is staying, with check-in and check-out for the shelter's staff. */
export async function ShelterStays({ stays, visible, timeZone, now, actions }: Props) {
  const t = await getTranslations('stays');
  const format = await getFormatter();
  const time = (at: Date) => format.dateTime(at, { timeZone, timeStyle: 'short' });
  return (
    <div className="stays">
      <section className="card" aria-labelledby="expected-title">
        <h2 id="expected-title">{t('expectedTitle', { count: stays.expected.length })}</h2>
        {stays.expected.length === 0 ? <p className="empty">{t('noneExpected')}</p> : null}
        <ul className="stay-list">
          {stays.expected.map((row) => (
            <StayItem key={row.stay.id} row={row} visible={visible(row)} detail={t('heldUntil', { time: time(row.stay.holdUntil), ago: format.relativeTime(row.stay.holdUntil, now) })}>
              {actions ? (
                <div className="button-row">
                  <ActionButton action={actions.checkIn} fields={{ stayId: row.stay.id }} label={t('checkIn')} className="button primary" />
                  <ActionButton action={actions.cancel} fields={{ stayId: row.stay.id }} label={t('cancel')} confirm={t('cancelConfirm')} />
                </div>
              ) : null}
            </StayItem>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="staying-title">
        <h2 id="staying-title">{t('stayingTitle', { count: stays.staying.length })}</h2>
        {stays.staying.length === 0 ? <p className="empty">{t('noneStaying')}</p> : null}
        <ul className="stay-list">
          {stays.staying.map((row) => (
            <StayItem key={row.stay.id} row={row} visible={visible(row)} detail={t('since', { time: time(row.stay.checkedInAt ?? now) })}>
              {actions ? (
                <ActionButton action={actions.checkOut} fields={{ stayId: row.stay.id }} label={t('checkOut')} confirm={t('checkOutConfirm')} />
              ) : null}
            </StayItem>
          ))}
        </ul>
      </section>
    </div>
  );
}
