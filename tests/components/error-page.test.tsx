import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorNextStep } from '@/components/error-next-step';
import type { Role } from '@/db/schema/enums';
import { DRAFT_MAX_AGE_MS, saveDraft } from '@/lib/households/draft';
import en from '@/lib/i18n/messages/en.json';

// The error page never shows the error; it tells its reader what to do next, in words for their role.
function renderFor(role: Role | null) {
  render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="Europe/Istanbul">
      <ErrorNextStep role={role} reset={() => undefined} />
    </NextIntlClientProvider>,
  );
  return screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
}

beforeEach(() => localStorage.clear());

describe('the error page', () => {
  it('tells a guide whose intake is kept on this phone to go back to it', () => {
    saveDraft(localStorage, 'guide-1', { savedAt: Date.now(), intakeKey: 'k', values: { alias: 'Olga' } });
    expect(renderFor('guide')).toEqual([['Back to the form', '/arrivals/new']]);
    expect(screen.getByText(/Your intake form is kept on this phone/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Olga');
  });

  it('does not offer a draft older than 12 hours, and deletes it', () => {
    saveDraft(localStorage, 'guide-1', { savedAt: Date.now() - DRAFT_MAX_AGE_MS - 1000, intakeKey: 'k', values: { alias: 'Olga' } });
    expect(renderFor('guide')).toEqual([['Back to arrivals', '/arrivals']]);
    expect(localStorage.length).toBe(0);
  });

  it('sends a host back to their shelters', () => {
    expect(renderFor('host')).toEqual([['Back to shelters', '/shelters']]);
    expect(screen.getByText(/tell the network's admin/)).toBeTruthy();
  });

  it("points an admin at the server's log", () => {
    expect(renderFor('admin')).toEqual([['Back to the overview', '/occupancy']]);
    expect(screen.getByText(/in the server's log/)).toBeTruthy();
  });

  it('asks someone not known to be signed in to sign in again', () => {
    expect(renderFor(null)).toEqual([['Sign in', '/login']]);
  });
});
