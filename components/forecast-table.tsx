import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import { ROOM_KINDS } from '@/db/schema/enums';
import type { Night } from '@/lib/calendar/nights';
import type { ForecastNightView, ShelterForecastView } from '@/lib/forecast/view';

// A night is a calendar date: read at noon UTC and shown in UTC, it is the same day in every zone.
const noonOf = (night: Night) => new Date(`${night}T12:00:00Z`);

/**
 * "Tonight Tue Dec 1" for the first night, "Wed Dec 2" after it, in the reader's locale: the weekday
 * and the date each kept whole, so a narrow column puts one over the other.
 */
function NightLabel({ night, index }: { night: Night; index: number }) {
  const t = useTranslations('forecast');
  const format = useFormatter();
  const weekday = format.dateTime(noonOf(night), { weekday: 'short', timeZone: 'UTC' });
  const date = format.dateTime(noonOf(night), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const label = (
    <>
      <span className="night-date">{weekday}</span> <span className="night-date">{date}</span>
    </>
  );
  return index === 0 ? (
    <>
      {t('tonight')} <span className="muted small">{label}</span>
    </>
  ) : (
    label
  );
}

/**
 * A night as a row heading or, `narrow`, as one of seven column headings on a phone: the weekday over
 * the day ("Tue" over "1", "T" over "1"); tonight's named for a screen reader (it comes first).
 */
function NightColumn({ night, index, narrow = false }: { night: Night; index: number; narrow?: boolean }) {
  const t = useTranslations('forecast');
  const format = useFormatter();
  return (
    <>
      {index === 0 ? <span className="visually-hidden">{t('tonight')} </span> : null}
      <span className="night-weekday">
        {format.dateTime(noonOf(night), { weekday: narrow ? 'narrow' : 'short', timeZone: 'UTC' })}
      </span>{' '}
      <span className="night-day">{format.dateTime(noonOf(night), { day: 'numeric', timeZone: 'UTC' })}</span>
    </>
  );
}

/** A table named by its caption, in a region a keyboard can reach. */
function Scroller({ labelId, children }: { labelId: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelId}>
      {children}
    </div>
  );
}

/**
 * The next nights across the network, one row per night: beds free for sure, beds likely still free
 * at midnight, and people booked ahead; above it, the queue now. Aggregates only: it is handed
 * numbers, never a household. Few columns, so a 320 px phone shows them all without scrolling
 * sideways. With `byKind`, the same two figures by kind of room behind a disclosure.
 */
export function ForecastTable({ nights, byKind = false }: { nights: ForecastNightView[]; byKind?: boolean }) {
  const t = useTranslations('forecast');
  const kinds = useTranslations('roomKinds');
  const format = useFormatter();
  const id = useId();
  const n = (value: number) => format.number(value);
  const waiting = nights[0]?.waiting;
  return (
    <div className="forecast">
      {waiting ? (
        <p className="forecast-waiting">
          {t('waitingNow')}: {t('men')} <strong>{n(waiting.men)}</strong> · {t('women')} <strong>{n(waiting.women)}</strong> ·{' '}
          {t('families')} <strong>{n(waiting.families)}</strong>
        </p>
      ) : null}
      <Scroller labelId={`${id}-caption`}>
        <table className="forecast-table">
          <caption id={`${id}-caption`} className="visually-hidden">
            {t('caption', { count: nights.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('night')}</th>
              <th scope="col" className="num">
                {t('certain')}
              </th>
              <th scope="col" className="num">
                {t('expected')}
              </th>
              <th scope="col" className="num">
                {t('ahead')}
              </th>
            </tr>
          </thead>
          <tbody>
            {nights.map((night, index) => (
              <tr key={night.night}>
                <th scope="row">
                  <NightLabel night={night.night} index={index} />
                </th>
                <td className="num strong tone-free">
                  {n(night.certain)}
                  {night.surge > 0 ? <span className="surge-extra">{t('surgeExtra', { count: night.surge })}</span> : null}
                </td>
                <td className="num strong">{n(night.expectedFree)}</td>
                <td className="num">{n(night.ahead)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <p className="muted small">{t('explanation')}</p>
      {byKind ? (
        <details className="forecast-kinds">
          <summary>{t('byKind')}</summary>
          <p className="muted small" aria-hidden="true">
            {t('byKindCaption')}
          </p>
          <Scroller labelId={`${id}-kinds`}>
            <table className="forecast-table">
              <caption id={`${id}-kinds`} className="visually-hidden">
                {t('byKindCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('night')}</th>
                  {ROOM_KINDS.map((kind) => (
                    <th key={kind} scope="col" className="num">
                      <abbr title={kinds(kind)}>{t(`kindShort.${kind}`)}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nights.map((night, index) => (
                  <tr key={night.night}>
                    <th scope="row">
                      <NightColumn night={night.night} index={index} />
                    </th>
                    {ROOM_KINDS.map((kind) => (
                      <td key={kind} className="num pair">
                        {n(night.byKind[kind].certain)} / {n(night.byKind[kind].expectedFree)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroller>
        </details>
      ) : null}
    </div>
  );
}

/** Beds likely still free at midnight per shelter and night: which shelters will have room, at a glance. */
export function ShelterForecastTable({ nights, shelters }: { nights: Night[]; shelters: ShelterForecastView[] }) {
  const t = useTranslations('forecast');
  const format = useFormatter();
  const id = useId();
  const caption = t('sheltersCaption', { count: nights.length });
  // A caption is as wide as its table and would scroll out of sight on a phone: it is shown above instead.
  return (
    <>
      <p className="muted small" aria-hidden="true">
        {caption}
      </p>
      <Scroller labelId={`${id}-caption`}>
        <table className="forecast-table">
          <caption id={`${id}-caption`} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('shelter')}</th>
              {nights.map((night, index) => (
                <th key={night} scope="col" className="num">
                  <NightColumn night={night} index={index} narrow />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shelters.map((shelter) => (
              <tr key={shelter.id}>
                <th scope="row">{shelter.name}</th>
                {shelter.expectedFree ? (
                  shelter.expectedFree.map((value, i) => (
                    <td key={nights[i]} className="num">
                      {format.number(value)}
                    </td>
                  ))
                ) : (
                  <td colSpan={nights.length} className="muted">
                    {t('outOfForecast')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
    </>
  );
}
