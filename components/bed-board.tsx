import { getTranslations } from '@/lib/i18n/server';
import type { BoardRoom } from '@/lib/shelters/board';
import { BedCountsLine } from './bed-counts';

export async function BedBoard({ rooms }: { rooms: BoardRoom[] }) {
  const t = await getTranslations('board');
  const kinds = await getTranslations('roomKinds');
  return (
    <div className="board">
      {rooms.map((room) => (
        <section key={room.id} className="board-room" aria-labelledby={`room-${room.id}`}>
          <div className="card-head">
            <h3 id={`room-${room.id}`}>{room.name}</h3>
            {kinds(room.kind) === room.name ? null : <span className="badge">{kinds(room.kind)}</span>}
            {room.accessible ? <span className="badge">♿ {t('accessible')}</span> : null}
          </div>
          <BedCountsLine counts={room.counts} />
          {room.beds.length === 0 ? (
            <p className="empty">{t('noBeds')}</p>
          ) : (
            <ul className="tiles" aria-label={t('bedsIn', { room: room.name })}>
              {room.beds.map((bed) => (
                <li
                  key={bed.id}
                  className={`tile tile-${bed.state}${bed.surge ? ' tile-surge' : ''}`}
                  title={bed.outOfServiceReason ?? undefined}
                  data-state={bed.state}
                  data-surge={bed.surge ? bed.surge.kind : undefined}
                >
                  <span className="tile-label">{bed.label}</span>
                  {bed.surge ? <span className="tile-surge-tag">{t('surgeTag')}</span> : null}
                  <span className="tile-state">{t(`state.${bed.state}`)}</span>
                  {bed.holder ? <span className="tile-holder">{bed.holder}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
