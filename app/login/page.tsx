import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { LanguageSwitcher } from '@/components/language-switcher';
import { currentUser } from '@/lib/auth/current-user';
import { homeOf } from '@/lib/auth/staff';
import { getTranslations } from '@/lib/i18n/server';
import { chooseLocale } from '../actions';
import { signInWithPassword } from './actions';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function LoginPage() {
  const user = await currentUser();
  if (user) redirect(homeOf(user.role));
  const t = await getTranslations('login');
  return (
    <ClientMessages namespaces={['account', 'errors', 'login', 'notices']}>
      <main className="narrow">
        <LanguageSwitcher choose={chooseLocale} />
        <h1 className="brand-title">Waystation</h1>
        <p className="muted">{t('intro')}</p>
        <section className="card">
          <h2>{t('title')}</h2>
          <LoginForm action={signInWithPassword} />
        </section>
        <p className="muted small">{t('noAccount')}</p>
      </main>
    </ClientMessages>
  );
}
