import { STAY_WORDS } from '@/db/schema/stay-words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import type { GuestWord } from '@/lib/guest-word/answer';
import { WORD_NOTE_MAX } from '@/lib/guest-word/limits';
import { NeedsConnection } from './offline';
import type { Translate } from './words';

/** A refused word: why, and what the guest had chosen and typed, to show again. */
export type WordRefusal = { error: 'choose' | 'noteTooLong' | 'invalid'; answer?: string; note?: string };

type Props = { locale: ArrivalLocale; t: Translate; refusal?: WordRefusal };

/**
 * After check-out, one private question: would you stay there again? Yes, no, or something was wrong,
 * and a note if they like. A plain form posting to the page's own URL, so it works without
 * JavaScript. The page says who reads the answer (the city's staff, not the shelter) before it is sent.
 */
export function GuestWordForm({ locale, t, refusal }: Props) {
  const noteError = refusal?.error === 'noteTooLong';
  const chooseError = refusal?.error === 'choose';
  return (
    <section aria-labelledby="word-title">
      <h2 id="word-title">{t('word.title')}</h2>
      <p className="hint">{t('word.private')}</p>
      {refusal?.error === 'invalid' ? (
        <p className="error" role="alert">
          {t('word.invalid')}
        </p>
      ) : null}
      <NeedsConnection note={t('word.needsConnection')}>
        <form method="post">
          <input type="hidden" name="intent" value="word" />
          <input type="hidden" name="lang" value={locale} />
          <fieldset aria-describedby={chooseError ? 'word-choose-error' : undefined}>
            <legend>{t('word.question')}</legend>
            {STAY_WORDS.map((answer) => (
              <label key={answer} className="check">
                <input type="radio" name="answer" value={answer} defaultChecked={refusal?.answer === answer} required />
                {t(`word.${answer}`)}
              </label>
            ))}
            {chooseError ? (
              <p className="error" id="word-choose-error" role="alert">
                {t('word.choose')}
              </p>
            ) : null}
          </fieldset>
          <div className="field">
            <label htmlFor="word-note">{t('word.note')}</label>
            <p className="hint" id="word-note-hint">
              {t('word.noteHint', { max: WORD_NOTE_MAX })}
            </p>
            <textarea
              id="word-note"
              name="note"
              rows={4}
              maxLength={WORD_NOTE_MAX}
              defaultValue={refusal?.note}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? 'word-note-hint word-note-error' : 'word-note-hint'}
            />
            {noteError ? (
              <p className="error" id="word-note-error" role="alert">
                {t('word.noteTooLong', { max: WORD_NOTE_MAX })}
              </p>
            ) : null}
          </div>
          <button type="submit">{t('word.send')}</button>
        </form>
      </NeedsConnection>
    </section>
  );
}

/** Once answered (`again`: a second answer was sent, and the first stands): thanks, and for "something was wrong", that the city's staff have been told. */
export function GuestWordThanks({ t, word, again }: { t: Translate; word: GuestWord; again?: boolean }) {
  return (
    <section aria-labelledby="word-title" role="status">
      <h2 id="word-title">{t('word.thanksTitle')}</h2>
      {again ? <p>{t('word.already')}</p> : null}
      <p>{t(word.answer === 'wrong' ? 'word.thanksWrong' : 'word.thanks')}</p>
    </section>
  );
}
