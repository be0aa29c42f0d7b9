'use client';

import { createContext, useContext } from 'react';
import type { Role } from '@/db/schema/enums';

const StaffRoleContext = createContext<Role | null>(null);

/** The signed-in person's role, for client screens that must word a next step for them (the error page). */
export function StaffRole({ role, children }: { role: Role; children: React.ReactNode }) {
  return <StaffRoleContext.Provider value={role}>{children}</StaffRoleContext.Provider>;
}

export const useStaffRole = () => useContext(StaffRoleContext);
