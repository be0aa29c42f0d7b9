import { BedBoard } from '@/components/bed-board';
import { BedCountsLine } from '@/components/bed-counts';
import { ConfirmedAgo } from '@/components/confirmed-ago';
import Link from '@/components/link';
import { ShelterStays } from '@/components/shelter-stays';
import { ActionButton } from '@/components/ui/action-button';
import { getTranslations } from '@/lib/i18n/server';
import type { ShelterPage } from '@/lib/shelters/shelter-page';
import { cancelReservation } from '../../arrivals/[id]/actions';
import { addOneNight, checkInHousehold, checkOutHousehold, confirmShelterAvailability, undoOneNight } from './actions';
import { HostDaySection } from './host-day';

type Props = { view: ShelterPage; now: Date };

/** The host's day, with its check-ins, check-outs and one more night for those who may change the shelter. */
export function ShelterDay({ view, now }: Props) {
  return (
    <HostDaySection
      day={view.day}
      twoInOneBed={view.twoInOneBed}
      isHost={view.isHost}
      timeZone={view.shelter.timeZone}
      now={now}
      actions={
        view.editable
          ? {
              checkIn: checkInHousehold,
              checkOut: checkOutHousehold,
              oneMoreNight: addOneNight,
              undoOneMoreNight: undoOneNight,
              cancel: cancelReservation,
            }
          : null
      }
    />
  );
}

/** Tonight's bed counts and when the host last said they were right, with the button that says so again. */
export async function ShelterSummary({ view, now }: Props) {
  const { shelter } = view;
  const t = await getTranslations('board');
  return (
    <section className="card summary" aria-label={t('summary')}>
      <BedCountsLine counts={view.counts} />
      <ConfirmedAgo at={shelter.lastConfirmedAt} now={now} timeZone={shelter.timeZone} />
      {view.editable ? (
        <ActionButton
          action={confirmShelterAvailability}
          fields={{ shelterId: shelter.id }}
          label={t('confirm')}
          className="button primary"
        />
      ) : null}
    </section>
  );
}

/** Who is expected and who is staying, then every room's beds tonight. */
export async function ShelterGuestsAndBeds({ view, now }: Props) {
  const { shelter, editable } = view;
  const t = await getTranslations('board');
  return (
    <>
      <ShelterStays stays={view.stays} timeZone={shelter.timeZone} now={now} actions={editable ? { checkOut: checkOutHousehold } : null} />
      {view.rooms.length === 0 ? (
        <p className="empty">
          {t('noRooms')} {editable ? <Link href={`/shelters/${shelter.id}/rooms`}>{t('addRoomsLink')}</Link> : null}
        </p>
      ) : (
        <BedBoard rooms={view.rooms} />
      )}
    </>
  );
}
