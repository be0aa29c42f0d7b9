import { act, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import { IntakeForm } from '@/app/(staff)/arrivals/new/intake-form';
import { idleState, type FormState } from '@/lib/forms';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';

const action = async (): Promise<FormState> => idleState;
// At 20:30 UTC it is 23:30 in Istanbul and already 00:30 the next day in Yerevan.
const istanbul = { id: 'c-ist', name: 'Istanbul', now: '2026-10-01T23:30' };
const yerevan = { id: 'c-evn', name: 'Yerevan', now: '2026-10-02T00:30' };
const points = [
  { id: 'p-ist', name: 'Istanbul Airport', cityId: istanbul.id },
  { id: 'p-evn', name: 'Zvartnots Airport', cityId: yerevan.id },
];

function intake(messages: typeof en, cities: { here: (typeof istanbul)[]; preselected?: string }, arrivedAtDefault: string) {
  return render(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <IntakeForm
        action={action}
        arrivedAtDefault={arrivedAtDefault}
        userId="guide"
        languages={['ru']}
        shownLanguages={1}
        meetingPoints={points.filter((point) => cities.here.some((city) => city.id === point.cityId))}
        cities={{ here: cities.here, there: [istanbul, yerevan], preselected: cities.preselected }}
      />
    </NextIntlClientProvider>,
  );
}
/** The places offered as where the household is now. */
const pointNames = () =>
  Array.from(document.querySelectorAll<HTMLOptionElement>('select[name="meetingPointId"] option')).map((option) => option.textContent);

beforeEach(() => localStorage.clear());

describe('the intake on the clock of the household’s city', () => {
  it('a Yerevan guide’s form names Yerevan’s clock, is prefilled with Yerevan’s time and offers Yerevan’s points only', () => {
    intake(en, { here: [yerevan], preselected: yerevan.id }, yerevan.now);
    expect((screen.getByLabelText('Time (Yerevan time)') as HTMLInputElement).value).toBe('2026-10-02T00:30');
    expect((screen.getByLabelText('Already here') as HTMLInputElement).checked).toBe(true);
    expect(document.body.textContent).not.toContain('Istanbul time');
    expect(pointNames()).toContain('Zvartnots Airport');
  });

  it('a guide of two cities: the labels and the untouched prefill follow the city chosen; a typed time stays', async () => {
    intake(ru, { here: [istanbul, yerevan] }, '2026-10-01T23:30');
    expect(screen.getByLabelText('Время (по времени города, выбранного выше)')).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Город, где они сейчас'), { target: { value: yerevan.id } });
    });
    const arrived = screen.getByLabelText('Время (местное время, Yerevan)') as HTMLInputElement;
    expect(arrived.value).toBe('2026-10-02T00:30');
    expect(pointNames()).toContain('Zvartnots Airport');
    expect(pointNames()).not.toContain('Istanbul Airport');

    fireEvent.change(arrived, { target: { value: '2026-10-01T22:00' } });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Город, где они сейчас'), { target: { value: istanbul.id } });
    });
    expect((screen.getByLabelText('Время (местное время, Istanbul)') as HTMLInputElement).value).toBe('2026-10-01T22:00');
  });
});
