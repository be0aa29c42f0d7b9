import { StaffHeader } from '@/components/staff-header';
import { requireStaff } from '@/lib/auth/current-user';

// Convenience only: every page and every action checks the caller again.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff();
  return (
    <>
      <StaffHeader user={user} />
      <main className="page">{children}</main>
    </>
  );
}
