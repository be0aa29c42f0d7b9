import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireStaff } from '@/lib/auth/current-user';
import { changePassword } from './actions';
import { PasswordForm } from './password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireStaff();
  const t = await getTranslations('account');
  const { changed } = await searchParams;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card">
        {changed === '1' ? (
          <p role="status" className="form-status ok">
            {t('passwordChanged')}
          </p>
        ) : null}
        <PasswordForm action={changePassword} email={user.email} />
      </section>
      <p className="muted">{t('sessionNote')}</p>
    </>
  );
}
