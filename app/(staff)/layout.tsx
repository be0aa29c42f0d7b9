import { StaffHeader } from '@/components/staff-header';
import { StaffRole } from '@/components/staff-role';
import { requireStaff } from '@/lib/auth/current-user';
import { chooseLocale } from '../actions';
import { signOutEverywhere } from './actions';

// Convenience only: every page and every action checks the caller again. It lets someone who must
// enrol a second factor through, as the layout cannot tell /account (where they enrol) from the rest.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff({ enrolling: true });
  return (
    <>
      <StaffHeader user={user} actions={{ signOut: signOutEverywhere, chooseLocale }} />
      <main className="page">
        <StaffRole role={user.role}>{children}</StaffRole>
      </main>
    </>
  );
}
