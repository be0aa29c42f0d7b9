import { render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ForecastTable, ShelterForecastTable } from '@/components/forecast-table';
import { nightsFrom } from '@/lib/calendar/nights';
import type { ForecastNightView } from '@/lib/forecast/view';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';

let intlErrors: string[] = [];
beforeEach(() => {
  intlErrors = [];
});

function renderIn(locale: 'en' | 'ru', ui: ReactNode) {
  return render(
    <NextIntlClientProvider
      locale={locale}
      messages={locale === 'en' ? en : ru}
      timeZone="Europe/Istanbul"
      onError={(error) => intlErrors.push(error.message)}
    >
      {ui}
    </NextIntlClientProvider>,
  );
}

const kinds = {
  men: { certain: 0, expectedFree: 0 },
  women: { certain: 0, expectedFree: 0 },
  mixed: { certain: 0, expectedFree: 0 },
  family: { certain: 0, expectedFree: 0 },
};
// Tuesday 1 December 2026 and the six nights after it, with figures a guide can tell apart.
const nights: ForecastNightView[] = nightsFrom('2026-12-01', 7).map((night, i) => ({
  night,
  certain: 10 + i,
  likely: 20 + i,
  expectedFree: 30 + i,
  waiting: i === 0 ? { men: 4, women: 2, families: 5 } : null,
  ahead: 40 + i,
  byKind: { ...kinds, women: { certain: 50 + i, expectedFree: 60 + i } },
  // Three mats laid out on the second night only (decision 0026).
  surge: i === 1 ? 3 : 0,
}));

/** Each body row as a guide reads it: the night, then its cells. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));

describe('ForecastTable', () => {
  it('shows each of the next 7 nights with beds free for sure, likely still free at midnight and booked ahead, tonight first', () => {
    renderIn('en', <ForecastTable nights={nights} byKind />);
    const table = screen.getByRole('table', { name: /night by night/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Night', 'Free for sure', 'Likely still free at midnight', 'Booked ahead (people)']);
    expect(rowsOf(table)).toEqual([
      ['Tonight Tue Dec 1', '10', '30', '40'],
      // The surge beds apart, under the beds free for sure.
      ['Wed Dec 2', '11+3 surge', '31', '41'],
      ['Thu Dec 3', '12', '32', '42'],
      ['Fri Dec 4', '13', '33', '43'],
      ['Sat Dec 5', '14', '34', '44'],
      ['Sun Dec 6', '15', '35', '45'],
      ['Mon Dec 7', '16', '36', '46'],
    ]);
    expect(screen.getByText(/^Waiting now \(people\)/).textContent).toBe('Waiting now (people): Men 4 · Women 2 · In families 5');
    // The page says why the second figure can be below the first.
    expect(screen.getByText(/^Free for sure: beds nobody holds/).textContent).toContain('So it can be lower than “free for sure”');
    // By kind of room, behind a disclosure: one column per kind, both figures in each cell.
    const byKind = screen.getByRole('table', { name: 'By kind of room: free for sure / likely still free at midnight.' });
    expect(
      within(byKind)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Night', "Men's", "Women's", 'Mixed', 'Family']);
    expect(rowsOf(byKind)[0]).toEqual(['Tonight Tue 1', '0 / 0', '50 / 60', '0 / 0', '0 / 0']);
    expect(intlErrors).toEqual([]);
  });

  it('keeps every table at five columns or fewer, so a 320 px phone shows them without scrolling sideways', () => {
    renderIn('ru', <ForecastTable nights={nights} byKind />);
    // Counted on a night's row: the cells a phone must fit side by side.
    for (const table of screen.getAllByRole('table'))
      expect(within(table).getAllByRole('row').at(-1)!.children.length).toBeLessThanOrEqual(5);
  });

  it('reads in Russian with its weekday and day, a Russian plural in the shelters caption, and a paused shelter apart', () => {
    const shelters = [
      { id: 's1', name: 'Fatih', expectedFree: [3, 2, 1, 0, 5, 6, 7] },
      { id: 's2', name: 'Şişli', expectedFree: null },
    ];
    renderIn('ru', <ShelterForecastTable nights={nights.map((n) => n.night)} shelters={shelters} />);
    const table = screen.getByRole('table', { name: /на 7 ночей вперёд/ });
    expect(within(table).getAllByRole('columnheader')[1].textContent).toBe('Сегодня В 1');
    expect(within(table).getAllByRole('row')[1].textContent).toBe('Fatih3210567');
    expect(within(table).getAllByRole('row')[2].textContent).toBe('ŞişliСейчас никого не принимает (на паузе): вне прогноза');
    expect(intlErrors).toEqual([]);
  });
});
