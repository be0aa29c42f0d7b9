import { getTranslations } from 'next-intl/server';
import Link from '@/components/link';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { mustEnrol } from '@/lib/auth/second-factor';
import type { StaffUser } from '@/lib/auth/staff';
import { onlineRequestCount } from '@/lib/households/queries';
import { LanguageSwitcher } from './language-switcher';
import { OnlineRequests } from './online-requests';
import { SignOutForm } from './sign-out-form';

type Actions = { signOut: () => Promise<void>; chooseLocale: React.ComponentProps<typeof LanguageSwitcher>['choose'] };

/** The server actions come from the layout (app/): components import none of them. */
export async function StaffHeader({ user, actions }: { user: StaffUser; actions: Actions }) {
  const t = await getTranslations('nav');
  const roles = await getTranslations('roles');
  const settings = await getTranslations('settings');
  const account = await getTranslations('account');
  // People who asked online and wait: a count for guides and admins, kept fresh by the client.
  const db = getDb();
  const online = mustEnrol(db, user) ? null : onlineRequestCount(db, user);
  return (
    <header className="staff-header">
      <div className="staff-header-row">
        <Link href="/shelters" className="brand">
          Waystation
        </Link>
        <nav aria-label={t('main')} className="main-nav">
          {can(user, 'household.list') ? <Link href="/arrivals">{t('arrivals')}</Link> : null}
          {online !== null ? <OnlineRequests initial={online} /> : null}
          <Link href="/shelters">{t('shelters')}</Link>
          {can(user, 'occupancy.now') ? <Link href="/occupancy">{t('occupancy')}</Link> : null}
          {!can(user, 'occupancy.now') && can(user, 'occupancy.history') ? <Link href="/occupancy/history">{t('history')}</Link> : null}
          {can(user, 'staff.manage') ? <Link href="/staff">{t('staff')}</Link> : null}
          {can(user, 'audit.read') ? <Link href="/audit">{t('audit')}</Link> : null}
          {can(user, 'notice.postCity') ? <Link href="/notices">{t('guestNotices')}</Link> : null}
          {can(user, 'city.edit') ? <Link href="/settings">{settings('nav')}</Link> : null}
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
