import { NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArrivalWorkspace } from '@/app/(staff)/arrivals/[id]/workspace';
import { ActionButton } from '@/components/ui/action-button';
import { idleState } from '@/lib/forms';
import en from '@/lib/i18n/messages/en.json';
import type { Suggestion } from '@/lib/matching/suggest';
import { expectedStays, suggestionsIn } from '../bench/surge-walk';

const NOW = new Date('2026-03-28T21:30:00Z');
const idle = async () => idleState;
const card = (shelterId: string, shelterName: string, bedIds: string[]): Suggestion => ({
  shelterId,
  shelterName,
  district: 'Centre',
  score: 50,
  beds: bedIds.map((bedId, i) => ({ roomId: `${shelterId}-hall`, roomName: 'Hall', bedId, label: String(i + 1) })),
  reasons: [{ code: 'severalRooms', count: 1 }],
  unusedRooms: [],
});
const freeRoom = (shelterId: string, bedIds: string[]) => [
  { id: `${shelterId}-hall`, name: 'Hall', beds: bedIds.map((id, i) => ({ id, label: String(i + 1) })) },
];

/** The household's page as the server sends it: a household of Yerevan going on to Istanbul. */
function householdPage(): string {
  return renderToString(
    <NextIntlClientProvider locale="en" messages={en} timeZone="Asia/Yerevan" now={NOW}>
      <ArrivalWorkspace
        arrivalId="yana"
        alias="Yana"
        current={null}
        suggestions={[card('kentron', 'Kentron', ['k1'])]}
        excluded={[]}
        freeRooms={{ kentron: freeRoom('kentron', ['k1', 'k2']), fatih: freeRoom('fatih', ['f1', 'f2', 'f3']) }}
        more={null}
        nights={{ firstNight: '2026-03-28', departure: '2026-03-30', error: null, chosen: false }}
        otherPlaces={[{ kind: 'destination', city: 'Istanbul', suggestions: [card('fatih', 'Fatih', ['f1', 'f2'])] }]}
        elsewhereHref={null}
        now={NOW}
        actions={{ reserve: idle, move: idle, cancel: idle, renew: idle, revoke: idle, dates: idle }}
      />
    </NextIntlClientProvider>,
  );
}

/** What a browser posts for each card's form: its hidden fields and its ticked boxes. */
function postedByBrowser(html: string) {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('form')]
    .filter((form) => form.querySelector('input[name="shelterId"]'))
    .map((form) => {
      const fields: Record<string, string | string[]> = {};
      for (const [name, value] of new FormData(form)) {
        fields[name] = name.endsWith('[]') ? [...[fields[name] ?? []].flat(), String(value)] : String(value);
      }
      return fields;
    });
}

describe('the surge walk reserves through a suggestion card', () => {
  it('sends what pressing the card’s Reserve sends, `elsewhere` included under the destination’s heading', () => {
    const html = householdPage();
    const cards = suggestionsIn(html);
    expect(cards.map((c) => c.fields)).toEqual(postedByBrowser(html));
    expect(cards).toEqual([
      {
        shelterId: 'kentron',
        fields: { arrivalId: 'yana', firstNight: '2026-03-28', departure: '2026-03-30', shelterId: 'kentron', 'bedIds[]': ['k1'] },
      },
      {
        shelterId: 'fatih',
        fields: {
          arrivalId: 'yana',
          firstNight: '2026-03-28',
          departure: '2026-03-30',
          elsewhere: '1',
          shelterId: 'fatih',
          'bedIds[]': ['f1', 'f2'],
        },
      },
    ]);
  });
});

describe('the surge walk checks in from the bed board', () => {
  it('presses "Check in" only, not "One more night" beside it nor a button that asks first', () => {
    const html = renderToString(
      <NextIntlClientProvider locale="en" messages={en} timeZone="Europe/Istanbul" now={NOW}>
        <ActionButton action={idle} fields={{ stayId: 'staying', departure: '2026-03-30' }} label="One more night" />
        <ActionButton action={idle} fields={{ stayId: 'expected' }} label="Check in" />
        <ActionButton action={idle} fields={{ stayId: 'leaving' }} label="Check out" confirm="Check out?" />
      </NextIntlClientProvider>,
    );
    expect(expectedStays(html)).toEqual(['expected']);
  });
});
