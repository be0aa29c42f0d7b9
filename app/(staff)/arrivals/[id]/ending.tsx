import { ActionButton } from '@/components/ui/action-button';
import type { FormAction } from '@/components/ui/use-form-action';
import { getTranslations } from '@/lib/i18n/server';

type Props = {
  arrivalId: string;
  /** Waiting, or placed and not yet checked in: what a registration made by mistake can be. */
  mayMarkMistaken: boolean;
  checkedIn: boolean;
  actions: { mistaken: FormAction; forget: FormAction };
};

/**
 * The ways a registration ends other than a stay: at the foot of the page, folded away, apart from
 * the buttons that place a household, and each asks before it acts.
 */
export async function EndingActions({ arrivalId, mayMarkMistaken, checkedIn, actions }: Props) {
  const t = await getTranslations('ending');
  const privacy = await getTranslations('privacy');
  return (
    <details className="card ending">
      <summary>{t('title')}</summary>
      <section aria-labelledby="mistaken-title">
        <h2 id="mistaken-title">{t('mistaken')}</h2>
        {mayMarkMistaken ? (
          <>
            <p className="muted">{t('mistakenHint')}</p>
            <ActionButton action={actions.mistaken} fields={{ arrivalId }} label={t('mistaken')} confirm={t('mistakenConfirm')} />
          </>
        ) : checkedIn ? (
          <p className="muted">{t('checkedInHint')}</p>
        ) : null}
      </section>
      <section aria-labelledby="forget-title">
        <h2 id="forget-title">{privacy('forgetTitle')}</h2>
        <p className="muted">{privacy('forgetHint')}</p>
        <ActionButton action={actions.forget} fields={{ arrivalId }} label={privacy('forget')} confirm={privacy('forgetConfirm')} />
      </section>
    </details>
  );
}
