import { ActionButton } from '@/components/ui/action-button';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { StaffPage } from '@/lib/staff/staff-page';
import { changeStaffRole, disableStaff, enableStaff, inviteStaff, resetStaffSecondFactor, revokeStaffInvitation } from './actions';
import { InviteForm } from './invite-form';
import { RoleForm } from './role-form';

type Props = { view: StaffPage };

/** "Every city", or the cities' names in the reader's words. */
async function citiesTextOf() {
  const t = await getTranslations('staff');
  return (names: 'all' | (string | null)[]) => (names === 'all' ? t('allCities') : names.map((name) => name ?? '—').join(', '));
}

export async function InviteSection({ view }: Props) {
  const t = await getTranslations('staff');
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('inviteTitle')}</h2>
      <InviteForm action={inviteStaff} shelters={view.shelters} cities={view.cities} allCities={view.allCities} />
    </section>
  );
}

/** The invitations not yet accepted, each until when, with the way to take it back. */
export async function PendingSection({ view, now }: Props & { now: Date }) {
  const t = await getTranslations('staff');
  const roles = await getTranslations('roles');
  const format = await getFormatter();
  const citiesText = await citiesTextOf();
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('pendingTitle')}</h2>
      {view.invitations.length === 0 ? <p className="empty">{t('noPending')}</p> : null}
      <ul className="people">
        {view.invitations.map((invitation) => (
          <li key={invitation.id} className="card">
            {/* A private home's host is invited by a link naming no e-mail (lib/homes/host-invitation.ts). */}
            <strong>{invitation.email || t('homeHostInvitation')}</strong> · {roles(invitation.role)}
            {invitation.role === 'host' ? null : <> · {citiesText(invitation.cityNames)}</>}
            <p className="muted">{t('expires', { when: format.relativeTime(invitation.expiresAt, now) })}</p>
            <ActionButton
              action={revokeStaffInvitation}
              fields={{ invitationId: invitation.id }}
              label={t('revoke')}
              confirm={t('revokeConfirm', { email: invitation.email || t('homeHostInvitation') })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everyone within the admin's reach: role, shelters or cities, and what the admin may change about them. */
export async function PeopleSection({ view }: Props) {
  const t = await getTranslations('staff');
  const roles = await getTranslations('roles');
  const citiesText = await citiesTextOf();
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t('peopleTitle')}</h2>
      <ul className="people">
        {view.people.map((person) => (
          <li key={person.id} id={`person-${person.id}`} className={person.disabledAt ? 'card disabled' : 'card'} aria-label={person.email}>
            <div className="card-head">
              <strong>{person.name}</strong>
              <span className="badge">{roles(person.role)}</span>
              {person.disabledAt ? <span className="badge status-closed">{t('disabled')}</span> : null}
              {person.secondFactorSince ? <span className="badge">{t('secondFactorOn')}</span> : null}
            </div>
            <p className="muted">{person.email}</p>
            {person.shelters.length > 0 ? <p>{person.shelters.map((s) => s.shelterName).join(', ')}</p> : null}
            {person.role === 'host' ? null : <p>{t('citiesOf', { cities: citiesText(person.cityNames) })}</p>}
            {person.id === view.userId ? (
              <p className="muted">{t('thisIsYou')}</p>
            ) : (
              <>
                <details>
                  <summary>{t('changeRole')}</summary>
                  <RoleForm
                    action={changeStaffRole}
                    user={{
                      id: person.id,
                      name: person.name,
                      role: person.role,
                      shelterIds: person.shelters.map((s) => s.shelterId),
                      cityIds: person.cities === 'all' ? [] : person.cities,
                    }}
                    shelters={view.shelters}
                    cities={view.cities}
                    allCities={view.allCities}
                  />
                </details>
                {person.disabledAt ? (
                  <ActionButton action={enableStaff} fields={{ userId: person.id }} label={t('enable')} subject={person.name} />
                ) : (
                  <ActionButton
                    action={disableStaff}
                    fields={{ userId: person.id }}
                    label={t('disable')}
                    subject={person.name}
                    confirm={t('disableConfirm', { name: person.name })}
                  />
                )}
                {person.secondFactorSince ? (
                  <ActionButton
                    action={resetStaffSecondFactor}
                    fields={{ userId: person.id }}
                    label={t('resetSecondFactor')}
                    subject={person.name}
                    confirm={t('resetSecondFactorConfirm', { name: person.name })}
                  />
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
