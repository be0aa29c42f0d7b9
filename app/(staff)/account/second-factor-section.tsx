import QRCode from 'qrcode';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import type { SecondFactorStatus } from '@/lib/staff/second-factor';
import { confirmSecondFactor, startSecondFactor, turnOffSecondFactor } from './actions';
import { EnrolForm } from './enrol-form';
import { TurnOffForm } from './turn-off-form';

/** Two-step sign-in on /account: set it up (QR code or key, then a first code), or turn it off. */
export async function SecondFactorSection({ status, required }: { status: SecondFactorStatus; required: boolean }) {
  const t = await getTranslations('account');
  const format = await getFormatter();
  if (status.on) {
    return (
      <section className="card" aria-labelledby="second-factor-title">
        <h2 id="second-factor-title">{t('secondFactorTitle')}</h2>
        <p>{t('secondFactorIsOn', { since: format.dateTime(status.since, { dateStyle: 'medium' }), left: status.recoveryCodesLeft })}</p>
        <TurnOffForm action={turnOffSecondFactor} />
      </section>
    );
  }
  const qrSvg = status.pending ? await QRCode.toString(status.pending.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
  return (
    <section className="card" aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('secondFactorTitle')}</h2>
      {required ? (
        <p role="status" className="form-status error">
          {t('secondFactorRequired')}
        </p>
      ) : null}
      <p>{t('secondFactorIntro')}</p>
      {status.pending && qrSvg ? (
        <>
          <ol>
            <li>
              {t('enrolScan')}
              <div className="qr" role="img" aria-label={t('enrolQr')} dangerouslySetInnerHTML={{ __html: qrSvg }} />
            </li>
            <li>
              {t('enrolKey')} <code className="secret-key">{status.pending.key}</code>
            </li>
            <li>{t('enrolConfirm')}</li>
          </ol>
          <EnrolForm action={confirmSecondFactor} />
        </>
      ) : (
        <ActionButton action={startSecondFactor} fields={{}} label={t('enrolStart')} className="button primary" />
      )}
    </section>
  );
}
