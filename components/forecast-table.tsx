import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import { ROOM_KINDS } from '@/db/schema/enums';
import type { Night } from '@/lib/nights/calendar';
import type { ForecastNightView, ShelterForecastView } from '@/lib/forecast/view';

// A night is a calendar date: read at noon UTC and shown in UTC, it is the same day in every zone.
const noonOf = (night: Night) => new Date(`${night}T12:00:00Z`);

/** "Tonight Tue 1 Dec" for the first night, "Wed 2 Dec" after it, in the reader's locale. */
function NightLabel({ night, index }: { night: Night; index: number }) {
  const t = useTranslations('forecast');
  const format = useFormatter();
  const date = format.dateTime(noonOf(night), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return index === 0 ? (
    <>
      {t('tonight')} <span className="muted small night-date">{date}</span>
    </>
  ) : (
    <span className="night-date">{date}</span>
  );
}

/** A table that may be wider than a phone scrolls by itself (keyboard too), named by its caption. */
function Scroller({ labelId, children }: { labelId: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelId}>
      {children}
    </div>
  );
}

/**
 * The next nights across the network, one row per night: beds free for certain, likely to free up and
 * expected free, then demand (the queue now, people due that night). Aggregates only: it is handed
 * numbers, never a household. With `byKind`, the same beds by kind of room behind a disclosure.
 */
export function ForecastTable({ nights, byKind = false }: { nights: ForecastNightView[]; byKind?: boolean }) {
  const t = useTranslations('forecast');
  const kinds = useTranslations('roomKinds');
  const format = useFormatter();
  const id = useId();
  const n = (value: number) => format.number(value);
  return (
    <div className="forecast">
      <Scroller labelId={`${id}-caption`}>
        <table className="forecast-table">
          <caption id={`${id}-caption`} className="visually-hidden">
            {t('caption', { count: nights.length })}
          </caption>
          <colgroup>
            <col />
          </colgroup>
          <colgroup span={3} />
          <colgroup span={3} />
          <colgroup>
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('night')}
              </th>
              <th scope="colgroup" colSpan={3} className="group">
                {t('beds')}
              </th>
              <th scope="colgroup" colSpan={3} className="group">
                {t('waitingNow')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('ahead')}
              </th>
            </tr>
            <tr>
              <th scope="col" className="num">{t('certain')}</th>
              <th scope="col" className="num">{t('likely')}</th>
              <th scope="col" className="num">{t('expected')}</th>
              <th scope="col" className="num">{t('men')}</th>
              <th scope="col" className="num">{t('women')}</th>
              <th scope="col" className="num">{t('families')}</th>
            </tr>
          </thead>
          <tbody>
            {nights.map((night, index) => (
              <tr key={night.night}>
                <th scope="row"><NightLabel night={night.night} index={index} /></th>
                <td className="num strong tone-free">{n(night.certain)}</td>
                <td className="num">{n(night.likely)}</td>
                <td className="num strong">{n(night.expectedFree)}</td>
                <td className="num">{night.waiting ? n(night.waiting.men) : '–'}</td>
                <td className="num">{night.waiting ? n(night.waiting.women) : '–'}</td>
                <td className="num">{night.waiting ? n(night.waiting.families) : '–'}</td>
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
          <Scroller labelId={`${id}-kinds`}>
            <table className="forecast-table">
              <caption id={`${id}-kinds`} className="visually-hidden">
                {t('byKindCaption')}
              </caption>
              <colgroup>
                <col />
              </colgroup>
              {ROOM_KINDS.map((kind) => (
                <colgroup key={kind} span={2} />
              ))}
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t('night')}
                  </th>
                  {ROOM_KINDS.map((kind) => (
                    <th key={kind} scope="colgroup" colSpan={2} className="group">
                      {kinds(kind)}
                    </th>
                  ))}
                </tr>
                <tr>
                  {ROOM_KINDS.map((kind) => [
                    <th key={`${kind}-certain`} scope="col" className="num">
                      {t('certain')}
                    </th>,
                    <th key={`${kind}-expected`} scope="col" className="num">
                      {t('expected')}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {nights.map((night, index) => (
                  <tr key={night.night}>
                    <th scope="row"><NightLabel night={night.night} index={index} /></th>
                    {ROOM_KINDS.map((kind) => [
                      <td key={`${kind}-certain`} className="num">
                        {n(night.byKind[kind].certain)}
                      </td>,
                      <td key={`${kind}-expected`} className="num">
                        {n(night.byKind[kind].expectedFree)}
                      </td>,
                    ])}
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

/** Expected free beds per shelter and night: which shelters will have room, at a glance. */
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
                  <NightLabel night={night} index={index} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shelters.map((shelter) => (
              <tr key={shelter.id}>
                <th scope="row">{shelter.name}</th>
                {shelter.expectedFree.map((value, i) => (
                  <td key={nights[i]} className="num">
                    {format.number(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
    </>
  );
}
