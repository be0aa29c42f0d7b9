import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { LanguageSwitcher } from '@/components/language-switcher';
import Link from '@/components/link';
import { getDb } from '@/db';
import { listCities } from '@/lib/cities/cities';
import { getTranslations } from '@/lib/i18n/server';
import { invitationCityIds, openInvitation } from '@/lib/staff/invitations';
import { chooseLocale } from '../../actions';
import { AcceptForm } from './accept-form';
import { acceptInvite } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invite'))('title'), referrer: 'no-referrer' };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invite');
  const roles = await getTranslations('roles');
  const db = getDb();
  const invitation = token.length <= 100 ? openInvitation(db, token, new Date()) : undefined;
  const cityIds = invitation && invitation.role !== 'host' ? invitationCityIds(db, invitation.id) : [];
  const cities = listCities(db, await getLocale()).filter((city) => cityIds.includes(city.id));
  return (
    <ClientMessages namespaces={['account', 'errors', 'invite', 'notices']}>
      <main className="narrow">
        <LanguageSwitcher choose={chooseLocale} />
        <h1 className="brand-title">Waystation</h1>
        {invitation ? (
          <section className="card">
            <h2>{t('title')}</h2>
            <p>{invitation.email ? t('intro', { email: invitation.email, role: roles(invitation.role) }) : t('introHome')}</p>
            {invitation.role === 'host' ? null : (
              <p>{cities.length > 0 ? t('cities', { cities: cities.map((city) => city.name).join(', ') }) : t('allCities')}</p>
            )}
            <AcceptForm action={acceptInvite} token={token} askEmail={!invitation.email} />
          </section>
        ) : (
          <section className="card">
            <h2>{t('invalidTitle')}</h2>
            <p>{t('invalidBody')}</p>
            <Link href="/login">{t('toLogin')}</Link>
          </section>
        )}
      </main>
    </ClientMessages>
  );
}
