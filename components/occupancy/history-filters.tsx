import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';
import type { HistoryRange } from '@/lib/occupancy/range';
import type { ScopeChoice } from '@/lib/occupancy/scope';

/** A plain GET form: every view of the history is a link that can be shared or bookmarked. */
export async function HistoryFilters(props: {
  /** Null when there are too many to list: the form then asks for a name. */
  choices: ScopeChoice[] | null;
  scopeName: string;
  allowNetwork: boolean;
  /** What the first option reads: the network, a city, or the admin's cities. */
  overallLabel: string;
  /** The one city the page shows, kept when the form is sent. */
  city?: string;
  scopeId: string;
  range: HistoryRange;
  rangeLinks: { days: number; href: string }[];
}) {
  const t = await getTranslations('history');
  const { range } = props;
  return (
    <div className="card filters">
      <nav aria-label={t('rangeNav')} className="range-links">
        {props.rangeLinks.map((link) => (
          <Link key={link.days} href={link.href} aria-current={range.preset === link.days ? 'page' : undefined} className="button">
            {t('lastDays', { days: link.days })}
          </Link>
        ))}
      </nav>
      <form method="get" action="/occupancy/history" className="inline-form compact">
        {props.city ? <input type="hidden" name="city" value={props.city} /> : null}
        {props.choices ? (
          <div className="field">
            <label htmlFor="history-shelter">{t('scope')}</label>
            <select id="history-shelter" name="shelter" defaultValue={props.scopeId}>
              {props.allowNetwork ? <option value="network">{props.overallLabel}</option> : null}
              {props.choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="history-name">{t('shelterName')}</label>
            <input
              id="history-name"
              name="name"
              type="search"
              defaultValue={props.scopeName}
              aria-describedby="history-name-hint"
              maxLength={120}
            />
            <p className="hint" id="history-name-hint">
              {t('shelterNameHint')}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor="history-from">{t('from')}</label>
          <input id="history-from" name="from" type="date" defaultValue={range.from} />
        </div>
        <div className="field">
          <label htmlFor="history-to">{t('to')}</label>
          <input id="history-to" name="to" type="date" defaultValue={range.to} />
        </div>
        <button type="submit" className="button primary">
          {t('show')}
        </button>
      </form>
    </div>
  );
}
