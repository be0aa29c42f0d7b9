import Link from '@/components/link';
import type { HeaderView } from '@/lib/auth/header-view';
import { getTranslations } from '@/lib/i18n/server';
import { LanguageSwitcher } from './language-switcher';
import { OnlineRequests } from './online-requests';
import { SignOutForm } from './sign-out-form';

type Actions = { signOut: () => Promise<void>; chooseLocale: React.ComponentProps<typeof LanguageSwitcher>['choose'] };

/** The view and the server actions come from the layout (app/): components read no database and import no action. */
export async function StaffHeader({ view, actions }: { view: HeaderView; actions: Actions }) {
  const { user, online, wordsWaiting, opens } = view;
  const t = await getTranslations('nav');
  const roles = await getTranslations('roles');
  const settings = await getTranslations('settings');
  const account = await getTranslations('account');
  return (
    <header className="staff-header">
      <div className="staff-header-row">
        <Link href="/shelters" className="brand">
          Waystation
        </Link>
        <nav aria-label={t('main')} className="main-nav">
          {opens.arrivals ? <Link href="/arrivals">{t('arrivals')}</Link> : null}
          {online !== null ? <OnlineRequests initial={online} initialWords={wordsWaiting} /> : null}
          <Link href="/shelters">{t('shelters')}</Link>
          {opens.offers ? <Link href="/offers">{t('offers')}</Link> : null}
          {opens.guestWords ? <Link href="/feedback">{t('guestWords')}</Link> : null}
          {opens.occupancy ? <Link href="/occupancy">{t('occupancy')}</Link> : null}
          {opens.history ? <Link href="/occupancy/history">{t('history')}</Link> : null}
          {opens.staff ? <Link href="/staff">{t('staff')}</Link> : null}
          {opens.audit ? <Link href="/audit">{t('audit')}</Link> : null}
          {opens.notices ? <Link href="/notices">{t('guestNotices')}</Link> : null}
          {opens.settings ? <Link href="/settings">{settings('nav')}</Link> : null}
        </nav>
      </div>
      <div className="staff-header-row secondary">
        <span className="who">
          {user.name} · {roles(user.role)}
        </span>
        <Link href="/account">{account('nav')}</Link>
        <LanguageSwitcher choose={actions.chooseLocale} />
        <SignOutForm action={actions.signOut} userId={user.id} label={t('signOut')} />
      </div>
    </header>
  );
}
