import Link from '@/components/link';
import { nameFor } from '@/components/ui/name-for';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { ShelterNow } from '@/lib/occupancy/now';
import { needsLook, viewHref, type ShelterSort, type TableView } from '@/lib/occupancy/sort';

const COLUMNS: ShelterSort[] = ['name', 'status', 'inService', 'occupied', 'reserved', 'free', 'rate', 'expiring', 'confirmed'];

/** Every shelter's figures; a column header sorts by it (a link, so it works without JavaScript). */
export async function ShelterTable({ shelters, view, now }: { shelters: ShelterNow[]; view: TableView; now: Date }) {
  const { sort, dir } = view;
  const t = await getTranslations('occupancy');
  const status = await getTranslations('status');
  const format = await getFormatter();
  const percent = (rate: number | null) => (rate === null ? '–' : format.number(rate, { style: 'percent', maximumFractionDigits: 0 }));
  const header = (column: ShelterSort) => {
    const active = column === sort;
    const next = active && dir === 'asc' ? 'desc' : 'asc';
    return (
      <th
        key={column}
        scope="col"
        aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
        className={column === 'name' || column === 'status' ? undefined : 'num'}
      >
        <Link href={viewHref(view, { sort: column, dir: next, page: 1 })} aria-label={nameFor(t(`column.${column}`), t('sortBy'))}>
          {t(`column.${column}`)}
          {active ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <div className="table-scroll">
      <table className="shelter-table stacks">
        <caption>{t('tableCaption')}</caption>
        <thead>
          <tr>{COLUMNS.map(header)}</tr>
        </thead>
        <tbody>
          {shelters.map((shelter) => (
            <tr key={shelter.id} className={needsLook(shelter) ? 'attention' : undefined}>
              <th scope="row">
                <Link href={`/shelters/${shelter.id}`}>{shelter.name}</Link>
                <span className="muted small"> · {shelter.district}</span>
                <span className="flags">
                  {shelter.full ? <span className="badge flag-full">{t('flag.full')}</span> : null}
                  {shelter.expiringHolds > 0 ? (
                    <span className="badge flag-expiring">{t('flag.expiring', { count: shelter.expiringHolds })}</span>
                  ) : null}
                  {shelter.stale ? <span className="badge flag-stale">{t('flag.stale')}</span> : null}
                </span>
              </th>
              <td data-label={t('column.status')}>
                <span className={`badge status-${shelter.status}`}>{status(shelter.status)}</span>
              </td>
              <td className="num" data-label={t('column.inService')}>
                {shelter.inService}
              </td>
              <td className="num" data-label={t('column.occupied')}>
                {shelter.counts.occupied}
              </td>
              <td className="num" data-label={t('column.reserved')}>
                {shelter.counts.reserved}
              </td>
              <td className="num" data-label={t('column.free')}>
                {shelter.counts.free}
              </td>
              <td className="num" data-label={t('column.rate')}>
                {percent(shelter.rate)}
              </td>
              <td className="num" data-label={t('column.expiring')}>
                {shelter.expiringHolds}
              </td>
              <td className="num" data-label={t('column.confirmed')}>
                {shelter.lastConfirmedAt ? format.relativeTime(shelter.lastConfirmedAt, now) : t('never')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
