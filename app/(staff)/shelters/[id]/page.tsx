import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { BedBoard } from '@/components/bed-board';
import { BedCountsLine } from '@/components/bed-counts';
import { ConfirmedAgo } from '@/components/confirmed-ago';
import Link from '@/components/link';
import { ShelterStays } from '@/components/shelter-stays';
import { ActionButton } from '@/components/ui/action-button';
import { shelterStays } from '@/lib/households/queries';
import { mayManageShelterNotices } from '@/lib/notices/access';
import { applyExpiry } from '@/lib/placement/read';
import { twoInOneBed } from '@/lib/shelters/bed-conflicts';
import { shelterBoard } from '@/lib/shelters/board';
import { hostDay } from '@/lib/shelters/day';
import { inLocale } from '@/lib/shelters/room-names';
import { cancelReservation } from '../../arrivals/[id]/actions';
import { addOneNight, checkInHousehold, checkOutHousehold, confirmShelterAvailability, undoOneNight } from './actions';
import { GuestNoticesSection } from './guest-notices';
import { HostDaySection } from './host-day';
import { loadShelter } from './load-shelter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('board'))('title') };
}

export default async function ShelterBoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, user, shelter, editable } = await loadShelter(params);
  const t = await getTranslations('board');
  const statuses = await getTranslations('status');
  const now = new Date();
  applyExpiry(db, now);
  const board = shelterBoard(db, shelter.id, now, { holdersFor: user });
  const locale = await getLocale();
  const stays = shelterStays(db, user, shelter.id, now, locale);
  const day = hostDay(db, user, shelter, now, locale);
  const conflicts = twoInOneBed(db, user, shelter.id, now, locale);
  return (
    <>
      <div className="page-head">
        <h1>{shelter.name}</h1>
        <span className={`badge status-${shelter.status}`}>{statuses(shelter.status)}</span>
      </div>
      <p className="muted">{shelter.district}</p>
      <nav className="sub-nav" aria-label={t('manage')}>
        <Link href={`/shelters/${shelter.id}/calendar`}>{t('calendar')}</Link>
        {editable ? <Link href={`/shelters/${shelter.id}/rooms`}>{t('manageRooms')}</Link> : null}
        {editable ? <Link href={`/shelters/${shelter.id}/profile`}>{t('editProfile')}</Link> : null}
      </nav>
      {editable ? null : <p className="notice">{t('readOnly')}</p>}
      <HostDaySection
        day={day}
        twoInOneBed={conflicts}
        isHost={user.role === 'host'}
        timeZone={shelter.timeZone}
        now={now}
        actions={
          editable
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
      <section className="card summary" aria-label={t('summary')}>
        <BedCountsLine counts={board.counts} />
        <ConfirmedAgo at={shelter.lastConfirmedAt} now={now} timeZone={shelter.timeZone} />
        {editable ? (
          <ActionButton
            action={confirmShelterAvailability}
            fields={{ shelterId: shelter.id }}
            label={t('confirm')}
            className="button primary"
          />
        ) : null}
      </section>
      {mayManageShelterNotices(user, shelter) ? <GuestNoticesSection db={db} user={user} shelter={shelter} now={now} /> : null}
      <ShelterStays stays={stays} timeZone={shelter.timeZone} now={now} actions={editable ? { checkOut: checkOutHousehold } : null} />
      {board.rooms.length === 0 ? (
        <p className="empty">
          {t('noRooms')} {editable ? <Link href={`/shelters/${shelter.id}/rooms`}>{t('addRoomsLink')}</Link> : null}
        </p>
      ) : (
        <BedBoard rooms={inLocale(db, board.rooms, locale)} />
      )}
    </>
  );
}
