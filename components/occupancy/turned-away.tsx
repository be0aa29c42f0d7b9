import { getFormatter, getTranslations } from 'next-intl/server';
import { HOUSEHOLD_KINDS } from '@/lib/occupancy/kind';
import type { totalUnmet } from '@/lib/occupancy/unmet';

/** How many the network turned away over the chosen days: counts by household kind, nothing else. */
export async function TurnedAway({ totals }: { totals: ReturnType<typeof totalUnmet> }) {
  const t = await getTranslations('history');
  const format = await getFormatter();
  const rows: [string, Record<(typeof HOUSEHOLD_KINDS)[number], number>][] = [
    [t('unmet.waited'), totals.waited],
    [t('unmet.noFit'), totals.noFit],
  ];
  return (
    <section className="card" aria-labelledby="turned-away-title">
      <h2 id="turned-away-title">{t('unmet.title')}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="muted">{t('unmet.caption')}</caption>
          <thead>
            <tr>
              <td />
              {HOUSEHOLD_KINDS.map((kind) => (
                <th key={kind} scope="col" className="num">
                  {t(`unmet.${kind}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, counts]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {HOUSEHOLD_KINDS.map((kind) => (
                  <td key={kind} className="num">
                    {format.number(counts[kind])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('unmet.rule')}</p>
    </section>
  );
}
