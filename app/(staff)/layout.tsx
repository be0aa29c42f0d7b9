import { ClientMessages } from '@/components/client-messages';
import { StaffHeader } from '@/components/staff-header';
import { StaffRole } from '@/components/staff-role';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { headerView } from '@/lib/auth/header-view';
import { chooseLocale } from '../actions';
import { signOutEverywhere } from './actions';

// Convenience only: every page and every action checks the caller again. It lets someone who must
// enrol a second factor through, as the layout cannot tell /account (where they enrol) from the rest.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff({ enrolling: true });
  return (
    <>
      {/* The header's own namespaces only: each page sends what its components ask for. */}
      <ClientMessages namespaces={['account', 'queue']}>
        <StaffHeader view={headerView(getDb(), user)} actions={{ signOut: signOutEverywhere, chooseLocale }} />
      </ClientMessages>
      <main className="page">
        <StaffRole role={user.role}>{children}</StaffRole>
      </main>
    </>
  );
}
