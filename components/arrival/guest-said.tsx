import type { GuestSaid } from '@/lib/arrival/guest-said';
import type { ArrivalLocale } from '@/lib/arrival/locale';
import type { Translate } from './arrival-page';

/** A refused post: what went wrong, and the time the guest typed, to show again next to the field. */
export type SayRefusal = { error: 'lateTime' | 'lateTooFar' | 'tooMany' | 'invalid'; eta?: string };

type Props = { locale: ArrivalLocale; t: Translate; said: GuestSaid | null; clock: (at: Date) => string; refusal?: SayRefusal };

/**
 * "I'm on my way" and "I'll be late, about 23:30": two plain forms that post to the page's own URL,
 * so they work without JavaScript. What the guest last said is shown with the time they said it.
 */
export function GuestSaidForms({ locale, t, said, clock, refusal }: Props) {
  const fieldError = refusal?.error === 'lateTime' || refusal?.error === 'lateTooFar' ? refusal.error : null;
  const pageError = refusal && !fieldError ? refusal.error : null;
  return (
    <section aria-labelledby="say-title">
      <h2 id="say-title">{t('say.title')}</h2>
      {said ? (
        <p role="status">{said.said === 'late' && said.eta ? t('say.saidLate', { time: clock(said.eta), at: clock(said.at) }) : t('say.saidOnMyWay', { at: clock(said.at) })}</p>
      ) : (
        <p className="hint">{t('say.help')}</p>
      )}
      {pageError ? (
        <p className="error" role="alert">
          {t(`say.${pageError}`)}
        </p>
      ) : null}
      <form method="post" className="field">
        <input type="hidden" name="intent" value="on_my_way" />
        <input type="hidden" name="lang" value={locale} />
        <button type="submit">{t('say.onMyWay')}</button>
      </form>
      <form method="post">
        <input type="hidden" name="intent" value="late" />
        <input type="hidden" name="lang" value={locale} />
        <label htmlFor="eta">{t('say.late')}</label>
        <p className="hint" id="eta-hint">
          {t('say.lateHint')}
        </p>
        <div className="field">
          <input
            id="eta"
            name="eta"
            type="time"
            defaultValue={refusal?.eta}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'eta-hint eta-error' : 'eta-hint'}
          />
          {fieldError ? (
            <p className="error" id="eta-error" role="alert">
              {t(`say.${fieldError}`)}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('say.lateSend')}</button>
      </form>
    </section>
  );
}
