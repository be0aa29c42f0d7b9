import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { CELL_STATES, type Calendar, type CellState } from '@/lib/shelters/calendar';
import { nightDate } from '../host-day';
import styles from './calendar.module.css';

/** Each state has a shape as well as a colour, so the grid reads in greyscale and to the colour-blind. */
const GLYPH: Record<CellState, string> = { free: '○', booked: '◐', occupied: '●', out_of_service: '✕', closed: '▨', none: '·' };

function Cell({ state, name }: { state: CellState; name: string }) {
  return (
    <td className={`${styles.cell} ${state === 'none' ? '' : styles[state]}`} data-state={state}>
      <span aria-hidden="true">{GLYPH[state]}</span>
      <span className="visually-hidden">{name}</span>
    </td>
  );
}

/**
 * Beds by nights: a table on a wide screen, and on a phone one entry per night with its counts and
 * the free beds by room. Both are in the page; CSS shows the one that fits.
 */
export async function CalendarGrid({ calendar }: { calendar: Calendar }) {
  const t = await getTranslations('calendar');
  const format = await getFormatter();
  const stateName = (state: CellState) => t(`state.${state}`);
  const columns = calendar.nights.length + 1;
  return (
    <>
      <ul className={styles.legend} aria-label={t('legend')}>
        {CELL_STATES.map((state) => (
          <li key={state}>
            <span className={`${styles.swatch} ${styles[state]}`} aria-hidden="true">
              {GLYPH[state]}
            </span>
            {stateName(state)}
          </li>
        ))}
      </ul>
      <div className={`table-scroll ${styles.grid}`}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t('caption', { count: calendar.nights.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bed')}</th>
              {calendar.nights.map((night) => (
                <th key={night} scope="col" className={styles.night}>
                  <span className={styles.weekday}>
                    {format.dateTime(new Date(`${night}T12:00:00Z`), { timeZone: 'UTC', weekday: 'short' })}
                  </span>{' '}
                  {format.dateTime(new Date(`${night}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'short' })}
                </th>
              ))}
            </tr>
          </thead>
          {calendar.rooms.map((room) => (
            <tbody key={room.id}>
              <tr>
                <th scope="colgroup" colSpan={columns} className={styles.room}>
                  {room.name}
                </th>
              </tr>
              {room.beds.length === 0 ? (
                <tr>
                  <td colSpan={columns} className="empty">
                    {t('noBeds')}
                  </td>
                </tr>
              ) : null}
              {room.beds.map((bed) => (
                <tr key={bed.id}>
                  <th scope="row">
                    <span className="visually-hidden">{room.name}, </span>
                    {bed.surge ? t('surgeBedLabel', { bed: bed.label }) : t('bedLabel', { bed: bed.label })}
                  </th>
                  {bed.cells.map((state, i) => (
                    <Cell key={calendar.nights[i]} state={state} name={stateName(state)} />
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <ol className={styles.list} aria-label={t('byNight')}>
        {calendar.perNight.map((summary) => (
          <li key={summary.night} className="card" aria-label={nightDate(format, summary.night)}>
            <h3>{nightDate(format, summary.night)}</h3>
            <p className={styles.counts}>
              {CELL_STATES.filter((state) => summary.counts[state] > 0).map((state) => (
                <span key={state} className={styles.count}>
                  <span className={`${styles.swatch} ${styles[state]}`} aria-hidden="true">
                    {GLYPH[state]}
                  </span>
                  {t(`count.${state}`, { count: summary.counts[state] })}
                </span>
              ))}
              {summary.surge > 0 ? (
                <span className={styles.count}>{t('surgeFree', { free: summary.surgeFree, total: summary.surge })}</span>
              ) : null}
            </p>
            {summary.freeByRoom.length === 0 ? (
              <p className="empty">{t('noFreeBeds')}</p>
            ) : (
              <>
                <p className={styles.freeTitle} id={`free-${summary.night}`}>
                  {t('freeBeds')}
                </p>
                <ul className={styles.freeBeds} aria-labelledby={`free-${summary.night}`}>
                  {summary.freeByRoom.map((room) => (
                    <li key={room.roomId}>{t('freeIn', { room: room.roomName, beds: room.labels.join(', ') })}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
