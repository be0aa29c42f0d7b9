import { act, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AddRoomForm } from '@/app/(staff)/shelters/[id]/rooms/add-room-form';
import { AcceptForm } from '@/app/invite/[token]/accept-form';
import { LoginForm } from '@/app/login/login-form';
import { formDataToObject, type FormState } from '@/lib/forms';
import en from '@/lib/i18n/messages/en.json';

let intlErrors: string[] = [];
beforeEach(() => {
  intlErrors = [];
});

function renderInEnglish(ui: ReactNode) {
  return render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="Europe/Istanbul" onError={(error) => intlErrors.push(error.message)}>
      {ui}
    </NextIntlClientProvider>,
  );
}

/** Stands in for a server action: records what was posted and refuses like the real ones do. */
function refusingAction(answer: (typed: Record<string, string | string[]>) => FormState) {
  const posted: FormData[] = [];
  const action = async (_previous: FormState, formData: FormData): Promise<FormState> => {
    posted.push(formData);
    return answer(formDataToObject(formData));
  };
  return { action, posted };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function submit(buttonName: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: buttonName }));
  });
}

/** The text a screen reader announces as the input's description, and whether it is marked invalid. */
function describedError(label: string) {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return {
    invalid: input.getAttribute('aria-invalid'),
    text: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
  };
}

const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('AddRoomForm', () => {
  it('shows each refusal next to its field, keeps what was typed, and posts the typed values', async () => {
    const { action, posted } = refusingAction((typed) => ({
      status: 'error',
      message: 'checkFields',
      fieldErrors: { name: 'required', beds: 'bedCountRange' },
      values: typed,
    }));
    renderInEnglish(<AddRoomForm action={action} shelterId="shelter-42" />);
    expect(valueOf('Number of beds')).toBe('4');
    expect(screen.queryByRole('alert')).toBeNull();

    type('Room name', '');
    fireEvent.change(screen.getByLabelText('Kind of room'), { target: { value: 'women' } });
    fireEvent.click(screen.getByLabelText('Wheelchair accessible'));
    type('Number of beds', '99');
    await submit('Add room');

    expect((await screen.findByRole('alert')).textContent).toBe('Please check the fields marked below.');
    expect(screen.getByText('Please fill this in.')).toBeTruthy();
    expect(screen.getByText('Choose between 1 and 50 beds at a time.')).toBeTruthy();
    expect(describedError('Room name')).toEqual({ invalid: 'true', text: 'Please fill this in.' });
    expect(describedError('Number of beds')).toEqual({ invalid: 'true', text: 'Choose between 1 and 50 beds at a time.' });
    expect(screen.getByLabelText('Kind of room').getAttribute('aria-invalid')).toBeNull();

    // What the user typed survives the refusal.
    expect(valueOf('Number of beds')).toBe('99');
    expect((screen.getByLabelText('Wheelchair accessible') as HTMLInputElement).checked).toBe(true);

    expect(posted).toHaveLength(1);
    // The optional names in other languages go with it, empty as they were left.
    expect(formDataToObject(posted[0])).toEqual({
      shelterId: 'shelter-42',
      name: '',
      ...{ nameEn: '', nameRu: '', nameTr: '', nameUk: '' },
      kind: 'women',
      accessible: 'on',
      beds: '99',
    });
    expect(intlErrors).toEqual([]);
  });

  it('keeps the chosen kind of room after a refusal', async () => {
    const { action } = refusingAction((typed) => ({
      status: 'error',
      message: 'checkFields',
      fieldErrors: { beds: 'bedCountRange' },
      values: typed,
    }));
    renderInEnglish(<AddRoomForm action={action} shelterId="shelter-42" />);
    type('Room name', 'Dorm B');
    fireEvent.change(screen.getByLabelText('Kind of room'), { target: { value: 'women' } });
    type('Number of beds', '0');
    await submit('Add room');
    await screen.findByRole('alert');
    expect(valueOf('Room name')).toBe('Dorm B');
    // Resubmitting must not silently turn a women's dorm into the first option of the list.
    expect(valueOf('Kind of room')).toBe('women');
  });

  it('keeps a clashing room name and says why it was refused', async () => {
    const { action } = refusingAction((typed) => ({
      status: 'error',
      message: 'roomNameTaken',
      fieldErrors: { name: 'roomNameTaken' },
      values: typed,
    }));
    renderInEnglish(<AddRoomForm action={action} shelterId="shelter-42" />);
    type('Room name', 'Dorm A');
    await submit('Add room');

    expect((await screen.findByRole('alert')).textContent).toBe('This shelter already has a room with this name.');
    expect(describedError('Room name')).toEqual({ invalid: 'true', text: 'This shelter already has a room with this name.' });
    expect(valueOf('Room name')).toBe('Dorm A');
  });

  it('announces success as a status, not an alert', async () => {
    const { action } = refusingAction(() => ({ status: 'ok', message: 'roomAdded' }));
    renderInEnglish(<AddRoomForm action={action} shelterId="shelter-42" />);
    type('Room name', 'Dorm C');
    await submit('Add room');
    expect((await screen.findByRole('status')).textContent).toBe('Room added.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Room name').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('LoginForm', () => {
  it('says how long a locked account must wait, and keeps the email', async () => {
    const { action, posted } = refusingAction((typed) => ({
      status: 'error',
      message: 'signInLocked',
      messageParams: { minutes: 15 },
      values: { email: String(typed.email) },
    }));
    renderInEnglish(<LoginForm action={action} />);
    type('Email', 'host@example.org');
    type('Password', 'not the password');
    await submit('Sign in');

    expect((await screen.findByRole('alert')).textContent).toBe('Too many failed attempts. Try again in 15 minutes.');
    expect(valueOf('Email')).toBe('host@example.org');
    // The page's language goes with the form: the language after sign-in.
    expect(formDataToObject(posted[0])).toEqual({ shownLocale: 'en', email: 'host@example.org', password: 'not the password' });
    expect(intlErrors).toEqual([]);
  });

  it('gives one message for a wrong email or password', async () => {
    const { action } = refusingAction((typed) => ({ status: 'error', message: 'signInFailed', values: { email: String(typed.email) } }));
    renderInEnglish(<LoginForm action={action} />);
    type('Email', 'host@example.org');
    type('Password', 'wrong');
    await submit('Sign in');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(valueOf('Email')).toBe('host@example.org');
  });

  it('disables the button while signing in, so a double tap posts once', async () => {
    let finish: (state: FormState) => void = () => {};
    const posted: FormData[] = [];
    const action = (_previous: FormState, formData: FormData) => {
      posted.push(formData);
      return new Promise<FormState>((resolve) => (finish = resolve));
    };
    renderInEnglish(<LoginForm action={action} />);
    type('Email', 'host@example.org');
    type('Password', 'pw');
    await submit('Sign in');

    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    await submit('Sign in');
    expect(posted).toHaveLength(1);

    await act(async () => finish({ status: 'error', message: 'signInFailed', values: { email: 'host@example.org' } }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(button.disabled).toBe(false);
  });
});

describe('AcceptForm', () => {
  it('explains a short password and a mismatched confirmation, keeps the name, and posts the token', async () => {
    const { action, posted } = refusingAction((typed) => ({
      status: 'error',
      message: 'checkFields',
      fieldErrors: { password: 'passwordTooShort', confirmPassword: 'passwordsDiffer' },
      values: { name: String(typed.name) },
    }));
    renderInEnglish(<AcceptForm action={action} token="tok_abcdefghijklmnop" />);
    expect(screen.getByText('At least 12 characters. A short sentence is easy to remember and hard to guess.')).toBeTruthy();

    type('Your name', 'Ayşe');
    type('Password', 'short pw');
    type('Password again', 'other pw');
    await submit('Create my account');

    expect((await screen.findByRole('alert')).textContent).toBe('Please check the fields marked below.');
    // The password's description is its hint followed by the refusal.
    expect(describedError('Password')).toEqual({
      invalid: 'true',
      text: 'At least 12 characters. A short sentence is easy to remember and hard to guess. Use at least 12 characters.',
    });
    expect(describedError('Password again')).toEqual({ invalid: 'true', text: 'The two passwords differ.' });
    expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBeNull();
    expect(valueOf('Your name')).toBe('Ayşe');

    expect(formDataToObject(posted[0])).toEqual({
      token: 'tok_abcdefghijklmnop',
      name: 'Ayşe',
      password: 'short pw',
      confirmPassword: 'other pw',
    });
    expect(intlErrors).toEqual([]);
  });

  it('shows a common-password refusal in words', async () => {
    const { action } = refusingAction((typed) => ({
      status: 'error',
      message: 'checkFields',
      fieldErrors: { password: 'passwordTooCommon' },
      values: { name: String(typed.name) },
    }));
    renderInEnglish(<AcceptForm action={action} token="tok_abcdefghijklmnop" />);
    type('Your name', 'Ali');
    type('Password', 'password1234');
    type('Password again', 'password1234');
    await submit('Create my account');
    expect(await screen.findByText('This password is among the most common ones. Choose another.')).toBeTruthy();
    expect(describedError('Password').invalid).toBe('true');
    expect(valueOf('Your name')).toBe('Ali');
  });
});
