'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { changeRole, disableAccount, enableAccount } from '@/lib/staff/accounts';
import { createInvitation, revokeInvitation } from '@/lib/staff/invitations';
import { resetSecondFactor } from '@/lib/staff/second-factor';
import { changeRoleSchema, invitationIdSchema, inviteSchema, userIdSchema } from '@/lib/validation/staff';

const staffPage = ['/staff'];

export const inviteStaff = staffAction({ permission: 'staff.manage', schema: inviteSchema }, (input, { user, db, now }) => {
  const { token } = write(db, (tx) => createInvitation(tx, user, input, now));
  return { revalidate: staffPage, message: 'invitationCreated', data: { invitePath: `/invite/${token}` } };
});

export const revokeStaffInvitation = staffAction(
  { permission: 'staff.manage', schema: invitationIdSchema },
  ({ invitationId }, { user, db, now }) => {
    write(db, (tx) => revokeInvitation(tx, user, invitationId, now));
    return { revalidate: staffPage, message: 'invitationRevoked' };
  },
);

export const changeStaffRole = staffAction({ permission: 'staff.manage', schema: changeRoleSchema }, (input, { user, db, now }) => {
  write(db, (tx) => changeRole(tx, user, input, now));
  return { revalidate: staffPage, message: 'roleChanged' };
});

export const disableStaff = staffAction({ permission: 'staff.manage', schema: userIdSchema }, ({ userId }, { user, db, now }) => {
  write(db, (tx) => disableAccount(tx, user, userId, now));
  return { revalidate: staffPage, message: 'accountDisabled' };
});

export const enableStaff = staffAction({ permission: 'staff.manage', schema: userIdSchema }, ({ userId }, { user, db, now }) => {
  write(db, (tx) => enableAccount(tx, user, userId, now));
  return { revalidate: staffPage, message: 'accountEnabled' };
});

/** A lost phone: the person signs in with their password and enrols again; their sessions end now. */
export const resetStaffSecondFactor = staffAction({ permission: 'staff.manage', schema: userIdSchema }, ({ userId }, { user, db, now }) => {
  write(db, (tx) => resetSecondFactor(tx, user, userId, now));
  return { revalidate: staffPage, message: 'secondFactorReset' };
});
