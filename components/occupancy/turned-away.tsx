import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { HOUSEHOLD_KINDS } from '@/lib/occupancy/kind';
import type { totalUnmet } from '@/lib/occupancy/unmet';

/** How many the network, or the cities shown, turned away over the chosen days: counts by household kind, nothing else. */
export async function TurnedAway({ totals }: { totals: ReturnType<typeof totalUnmet> }) {
  const t = await getTranslations('history');
  const format = await getFormatter();
  const measures: [string, Record<(typeof HOUSEHOLD_KINDS)[number], number>][] = [
    [t('unmet.waited'), totals.waited],
    [t('unmet.noFit'), totals.noFit],
  ];
  // A short list rather than a table: its two measures are sentences, which a 320 px phone could
  // only fit in table columns by breaking them letter by letter.
  return (
    <section className="card" aria-labelledby="turned-away-title">
      <h2 id="turned-away-title">{t('unmet.title')}</h2>
      <p className="muted">{t('unmet.caption')}</p>
      <dl className="unmet-list">
        {measures.map(([label, counts]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <ul>
                {HOUSEHOLD_KINDS.map((kind) => (
                  <li key={kind}>
                    {t(`unmet.${kind}`)} <strong>{format.number(counts[kind])}</strong>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('unmet.rule')}</p>
    </section>
  );
}
