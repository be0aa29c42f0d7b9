import type { GuestSaid } from '@/lib/guest-link/guest-said';
import type { LateRefusal } from '@/lib/guest-link/late-hold';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { NeedsConnection } from './offline';
import type { Translate } from './words';

/** A refused post: what went wrong, and the time the guest typed, to show again next to the field. */
export type SayRefusal = { error: 'lateTime' | LateRefusal | 'holdEnded' | 'tooMany' | 'invalid'; eta?: string };
const FIELD_ERRORS = new Set<SayRefusal['error']>(['lateTime', 'latePast', 'lateAfterLatest', 'lateNoSuchTime']);
// Refusals only the shelter can get past: the page gives its phone with them.
const CALL_ERRORS = new Set<SayRefusal['error']>(['lateAfterLatest', 'lateAgain', 'holdEnded', 'tooMany']);

/** What "late" does at this shelter, as the page promises it: the grace, the latest time (shelter clock), the phone. */
export type LateTerms = { graceMinutes: number; latest: string; phone: string | null };

type Props = {
  locale: ArrivalLocale;
  t: Translate;
  said: GuestSaid | null;
  clock: (at: Date) => string;
  terms: LateTerms;
  refusal?: SayRefusal;
};

/** "Please call the shelter: +90 …", when the shelter has a phone; else the page's contact buttons are the way. */
export function refusalText(t: Translate, refusal: SayRefusal, terms: LateTerms): string {
  const message = t(`say.${refusal.error}`, { latest: terms.latest, time: refusal.eta ?? '' });
  return CALL_ERRORS.has(refusal.error) && terms.phone ? `${message} ${t('say.callShelter', { phone: terms.phone })}` : message;
}

/** What the saved copy says in place of the forms: they need a connection; the shelter's phone works without one. */
function ConnectionNote({ t, phone }: { t: Translate; phone: string | null }) {
  if (!phone) return t('say.needsConnectionLater');
  return (
    <>
      {t('say.needsConnection')} <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
    </>
  );
}

/**
 * "I'm on my way" and "I'll be late, about 23:30": two plain forms that post to the page's own URL,
 * so they work without JavaScript. What the guest last said is shown with the time they said it. The
 * help says exactly what "late" does (lib/guest-link/late-hold.ts); once said, a new time is the host's
 * to agree, so the late form gives way to the shelter's phone.
 */
export function GuestSaidForms({ locale, t, said, clock, terms, refusal }: Props) {
  const fieldError = refusal && FIELD_ERRORS.has(refusal.error) ? refusal : null;
  const pageError = refusal && !fieldError ? refusal : null;
  const saidLate = said?.said === 'late' && said.eta !== null;
  return (
    <section aria-labelledby="say-title">
      <h2 id="say-title">{t('say.title')}</h2>
      {said ? (
        <p role="status">
          {said.said === 'late' && said.eta
            ? t('say.saidLate', { time: clock(said.eta), at: clock(said.at) })
            : t('say.saidOnMyWay', { at: clock(said.at) })}
        </p>
      ) : null}
      {saidLate ? null : <p className="hint">{t('say.help', { grace: terms.graceMinutes, latest: terms.latest })}</p>}
      {pageError ? (
        <p className="error" role="alert">
          {refusalText(t, pageError, terms)}
        </p>
      ) : null}
      <NeedsConnection note={<ConnectionNote t={t} phone={terms.phone} />}>
        <form method="post" className="field">
          <input type="hidden" name="intent" value="on_my_way" />
          <input type="hidden" name="lang" value={locale} />
          <button type="submit">{t('say.onMyWay')}</button>
        </form>
        {saidLate ? (
          <p className="hint">{terms.phone ? `${t('say.lateOnce')} ${t('say.callShelter', { phone: terms.phone })}` : t('say.lateOnce')}</p>
        ) : (
          <form method="post">
            <input type="hidden" name="intent" value="late" />
            <input type="hidden" name="lang" value={locale} />
            <label htmlFor="eta">{t('say.late')}</label>
            <p className="hint" id="eta-hint">
              {t('say.lateHint', { latest: terms.latest })}
            </p>
            <div className="field">
              <input
                id="eta"
                name="eta"
                type="time"
                defaultValue={fieldError?.eta}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? 'eta-hint eta-error' : 'eta-hint'}
              />
              {fieldError ? (
                <p className="error" id="eta-error" role="alert">
                  {refusalText(t, fieldError, terms)}
                </p>
              ) : null}
            </div>
            <button type="submit">{t('say.lateSend')}</button>
          </form>
        )}
      </NeedsConnection>
    </section>
  );
}
