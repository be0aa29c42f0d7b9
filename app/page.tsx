import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/current-user';
import { homeOf } from '@/lib/auth/staff';

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeOf(user.role) : '/login');
}
