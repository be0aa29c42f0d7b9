import QRCode from 'qrcode';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { SecondFactorStatus } from '@/lib/staff/second-factor';
import { confirmSecondFactor, newRecoveryCodes, startSecondFactor, turnOffSecondFactor } from './actions';
import { EnrolForm } from './enrol-form';
import { OwnerCheckForm } from './owner-check-form';
import { RecoveryCodesPanel } from './recovery-codes';
import { StartForm } from './start-form';

type Props = { status: SecondFactorStatus; required: boolean; email: string };

/**
 * Two-step sign-in on /account, saying first how it stands: on (since when, codes left, and how to
 * get new codes or turn it off), off, or off and required by the network (then only the setup: the
 * password, then QR code or key, then a first code). Every branch keeps the codes panel in the same
 * place (see it).
 */
export async function SecondFactorSection({ status, required, email }: Props) {
  const t = await getTranslations('account');
  return (
    <section className="card" aria-labelledby="second-factor-title">
      {/* Someone who must enrol sees only this on the page: its title is then the page's. */}
      {required ? <h1 id="second-factor-title">{t('secondFactorTitle')}</h1> : <h2 id="second-factor-title">{t('secondFactorTitle')}</h2>}
      <RecoveryCodesPanel>{status.on ? await WhileOn({ status, email }) : await WhileOff({ status, required, email })}</RecoveryCodesPanel>
    </section>
  );
}

async function WhileOn({ status, email }: { status: Extract<SecondFactorStatus, { on: true }>; email: string }) {
  const t = await getTranslations('account');
  const format = await getFormatter();
  return (
    <div className="stack">
      <p>
        <strong>{t('secondFactorOnState')}</strong>{' '}
        <span>
          {t('secondFactorIsOn', { since: format.dateTime(status.since, { dateStyle: 'medium' }), left: status.recoveryCodesLeft })}
        </span>
      </p>
      <p className="hint">{t('secondFactorOnHelp')}</p>
      <OwnerCheckForm
        action={newRecoveryCodes}
        email={email}
        idPrefix="new-codes"
        summary={t('newCodes')}
        hint={t('newCodesHint')}
        submit={t('newCodesSubmit')}
      />
      <OwnerCheckForm
        action={turnOffSecondFactor}
        email={email}
        idPrefix="turn-off"
        summary={t('turnOff')}
        hint={t('turnOffHint')}
        submit={t('turnOffSubmit')}
        danger
      />
    </div>
  );
}

async function WhileOff({
  status,
  required,
  email,
}: {
  status: Extract<SecondFactorStatus, { on: false }>;
  required: boolean;
  email: string;
}) {
  const t = await getTranslations('account');
  const qrSvg = status.pending ? await QRCode.toString(status.pending.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
  return (
    <div className="stack">
      {required ? (
        <p role="status" className="form-status error">
          {t('secondFactorRequired')}
        </p>
      ) : (
        <p>
          <strong>{t('secondFactorOff')}</strong>
        </p>
      )}
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
        <StartForm action={startSecondFactor} email={email} />
      )}
    </div>
  );
}
