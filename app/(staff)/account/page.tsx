import type { Metadata } from 'next';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { mustEnrol } from '@/lib/auth/second-factor';
import { getTranslations } from '@/lib/i18n/server';
import { secondFactorStatus } from '@/lib/staff/second-factor';
import { changePassword } from './actions';
import { PasswordForm } from './password-form';
import { SecondFactorSection } from './second-factor-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

/** The one page someone who must enrol a second factor may open: then it shows only that. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireStaff({ enrolling: true });
  const db = getDb();
  const enrolFirst = mustEnrol(db, user);
  const t = await getTranslations('account');
  const { changed } = await searchParams;
  return (
    <ClientMessages namespaces={['account', 'errors', 'notices']}>
      {/* Someone who must enrol sees only the setup here, whose heading is then the page's. */}
      {enrolFirst ? null : <h1>{t('title')}</h1>}
      {enrolFirst ? null : (
        <>
          <p className="muted">{t('intro')}</p>
          <section className="card">
            {changed === '1' ? (
              <p role="status" className="form-status ok">
                {t('passwordChanged')}
              </p>
            ) : null}
            <PasswordForm action={changePassword} email={user.email} />
          </section>
        </>
      )}
      <SecondFactorSection status={secondFactorStatus(db, user.id)} required={enrolFirst} email={user.email} />
      <p className="muted">{t('sessionNote')}</p>
    </ClientMessages>
  );
}
