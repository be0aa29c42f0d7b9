import { asc } from 'drizzle-orm';
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/ui/action-button';
import { getDb } from '@/db';
import { shelters } from '@/db/schema';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { listCities } from '@/lib/cities/cities';
import { cityScopeOf, holdsCity } from '@/lib/cities/scope';
import { staffList } from '@/lib/staff/accounts';
import { pendingInvitations } from '@/lib/staff/invitations';
import { changeStaffRole, disableStaff, enableStaff, inviteStaff, resetStaffSecondFactor, revokeStaffInvitation } from './actions';
import { InviteForm } from './invite-form';
import { RoleForm } from './role-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('title') };
}

export default async function StaffPage() {
  const user = await requireStaff();
  if (!can(user, 'staff.manage')) notFound();
  const db = getDb();
  const now = new Date();
  const t = await getTranslations('staff');
  const roles = await getTranslations('roles');
  const format = await getFormatter();
  // An admin of some cities offers only their own cities, and their cities' shelters to a host.
  const cityOptions = listCities(db, await getLocale()).filter((city) => holdsCity(user, city.id));
  const cityName = new Map(cityOptions.map((city) => [city.id, city.name]));
  const allCities = cityScopeOf(user) === 'all';
  const shelterOptions = db
    .select({ id: shelters.id, name: shelters.name, cityId: shelters.cityId })
    .from(shelters)
    .orderBy(asc(shelters.name))
    .all()
    .filter((shelter) => holdsCity(user, shelter.cityId))
    .map(({ id, name }) => ({ id, name }));
  const citiesText = (cities: 'all' | string[]) =>
    cities === 'all' ? t('allCities') : cities.map((id) => cityName.get(id) ?? '—').join(', ');
  const people = staffList(db, user);
  const invitations = pendingInvitations(db, user, now);
  return (
    <>
      <h1>{t('title')}</h1>
      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('inviteTitle')}</h2>
        <InviteForm action={inviteStaff} shelters={shelterOptions} cities={cityOptions} allCities={allCities} />
      </section>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('pendingTitle')}</h2>
        {invitations.length === 0 ? <p className="empty">{t('noPending')}</p> : null}
        <ul className="people">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="card">
              <strong>{invitation.email}</strong> · {roles(invitation.role)}
              {invitation.role === 'host' ? null : <> · {citiesText(invitation.cities)}</>}
              <p className="muted">{t('expires', { when: format.relativeTime(invitation.expiresAt, now) })}</p>
              <ActionButton
                action={revokeStaffInvitation}
                fields={{ invitationId: invitation.id }}
                label={t('revoke')}
                confirm={t('revokeConfirm', { email: invitation.email })}
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="people-title">
        <h2 id="people-title">{t('peopleTitle')}</h2>
        <ul className="people">
          {people.map((person) => (
            <li
              key={person.id}
              id={`person-${person.id}`}
              className={person.disabledAt ? 'card disabled' : 'card'}
              aria-label={person.email}
            >
              <div className="card-head">
                <strong>{person.name}</strong>
                <span className="badge">{roles(person.role)}</span>
                {person.disabledAt ? <span className="badge status-closed">{t('disabled')}</span> : null}
                {person.secondFactorSince ? <span className="badge">{t('secondFactorOn')}</span> : null}
              </div>
              <p className="muted">{person.email}</p>
              {person.shelters.length > 0 ? <p>{person.shelters.map((s) => s.shelterName).join(', ')}</p> : null}
              {person.role === 'host' ? null : <p>{t('citiesOf', { cities: citiesText(person.cities) })}</p>}
              {person.id === user.id ? (
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
                      shelters={shelterOptions}
                      cities={cityOptions}
                      allCities={allCities}
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
    </>
  );
}
