import { ArrivalDocument } from '@/components/arrival/document';
import { GuestSaidForms, refusalText, type LateTerms, type SayRefusal } from '@/components/arrival/guest-said';
import { GuestWordForm, GuestWordThanks, type WordRefusal } from '@/components/arrival/guest-word';
import { latestArrivalFor } from '@/lib/guest-link/late-hold';
import { tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { formatFor, renderArrivalPage, toHtml, translator } from '@/components/arrival/render';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { shareLinks, shareText } from '@/lib/i18n/share';
import type { ArrivalPageData, LinkPage } from '@/lib/guest-link/page-data';
import type { FormState } from '@/lib/forms';
import type { PublicList } from '@/lib/cities/public';
import { clockCityName } from '@/lib/cities/clock';
import type { NetworkContact } from '@/lib/requests/settings';
import { RequestForm } from './request-form';
import { CancelRequest, ClosedRequestPage, WaitingPage, WAITING_REFRESH_SECONDS, type ShareOwnLink } from './request-status';
import { PrivacyPage } from './privacy-page';
import { PublicShelterList } from './shelter-list';

export function renderShelterList(list: PublicList, locale: ArrivalLocale, now: Date): Promise<string> {
  const t = translator(locale);
  return toHtml(
    <ArrivalDocument lang={locale} title={t('list.title')} withScript={false}>
      <PublicShelterList list={list} locale={locale} t={t} format={formatFor(locale, NETWORK_TIME_ZONE, now)} now={now} />
    </ArrivalDocument>,
  );
}

export function renderRequestForm(
  locale: ArrivalLocale,
  form: { state: FormState; stamp: string; arrivedAtDefault: string; contact: NetworkContact | null; cities: { id: string; name: string; now: string }[]; city?: string },
): Promise<string> {
  const t = translator(locale);
  return toHtml(
    <ArrivalDocument lang={locale} title={t('request.title')} withScript={false} forms>
      <RequestForm locale={locale} t={t} {...form} />
    </ArrivalDocument>,
  );
}

/** `paused`: the waiting page without its refresh, as its reader asked (`?refresh=off`). */
/** `word`: a refused word after the stay; `wordAgain`: a second word was sent, and the first stands. */
type LinkPageOptions = {
  cancelRefused?: boolean;
  say?: SayRefusal;
  word?: WordRefusal;
  wordAgain?: boolean;
  shareUrl?: string;
  paused?: boolean;
};

/** The page's own address with the share links for it, in the reader's language. */
function ownLinkShare(url: string | undefined, locale: ArrivalLocale): ShareOwnLink | null {
  if (!url) return null;
  const { text } = shareText([locale], 'request');
  return { url, ...shareLinks(url, text) };
}

/** What "late" does at the stay's shelter, for its first night, in the shelter's clock. */
function lateTerms({ shelter, status, nights }: ArrivalPageData, clock: (at: Date) => string, now: Date): LateTerms {
  const hold = status.kind === 'held' ? status.until : now;
  const night = nights?.firstNight ?? tonightIn(shelter.timeZone, now);
  return { graceMinutes: shelter.lateGraceMinutes, latest: clock(latestArrivalFor(shelter, night, hold)), phone: shelter.phone };
}

/** A link's page: the shelter once beds are held, else where the request stands. */
export function renderLinkPage(page: LinkPage, locale: ArrivalLocale, now: Date, options: LinkPageOptions = {}): Promise<string> {
  const t = translator(locale);
  if (page.kind === 'stay') {
    const { data } = page;
    const clock = (at: Date) =>
      formatFor(locale, data.shelter.timeZone, now).dateTime(at, { timeZone: data.shelter.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const terms = lateTerms(data, clock, now);
    const extra = linkPageHasForm(page) ? (
      <>
        {mayTellShelter(page) ? <GuestSaidForms locale={locale} t={t} said={data.guestSaid} clock={clock} terms={terms} refusal={options.say} /> : null}
        {page.cancellable ? <CancelRequest locale={locale} t={t} error={options.cancelRefused} /> : null}
        {mayGiveWord(page) ? <GuestWordForm locale={locale} t={t} refusal={options.word} /> : null}
      </>
    ) : data.word?.given ? (
      <GuestWordThanks t={t} word={data.word.given} again={options.wordAgain} />
    ) : options.say ? (
      <p className="error" role="alert">
        {refusalText(t, options.say, terms)}
      </p>
    ) : undefined;
    return renderArrivalPage(data, locale, now, extra);
  }
  if (page.kind === 'closed') {
    return toHtml(
      <ArrivalDocument lang={locale} title={t('waiting.title')} withScript={false}>
        <ClosedRequestPage locale={locale} t={t} contact={page.contact} />
      </ArrivalDocument>,
    );
  }
  const format = formatFor(locale, page.clock.timeZone, now);
  const timeZone = page.clock.timeZone;
  const paused = options.paused === true;
  const times = {
    requestedAt: format.dateTime(page.requestedAt, { timeZone, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    checkedAt: format.dateTime(now, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
  return toHtml(
    <ArrivalDocument lang={locale} title={t('waiting.title')} withScript forms refreshSeconds={paused ? undefined : WAITING_REFRESH_SECONDS}>
      <WaitingPage locale={locale} t={t} contact={page.contact} times={times} city={clockCityName(page.clock, locale)} expected={page.expected} share={ownLinkShare(options.shareUrl, locale)} paused={paused} error={options.cancelRefused} />
    </ArrivalDocument>,
  );
}

/** Pages with a form need the CSP and referrer policy that let it post (see htmlResponse). */
export const linkPageHasForm = (page: LinkPage) =>
  page.kind === 'waiting' || (page.kind === 'stay' && (page.cancellable || mayTellShelter(page) || mayGiveWord(page)));

/** "On my way" and "late" are about tonight: for beds held from tonight, not for a booking ahead. */
export const mayTellShelter = (page: LinkPage) => page.kind === 'stay' && page.data.status.kind === 'held' && !page.data.nights?.ahead;

/** After check-out, until the guest has answered: would they stay there again? (asked once) */
export const mayGiveWord = (page: LinkPage) => page.kind === 'stay' && page.data.word !== null && page.data.word.given === null;

export function renderPrivacyPage(locale: ArrivalLocale, retentionDays: number): Promise<string> {
  const t = translator(locale);
  return toHtml(
    <ArrivalDocument lang={locale} title={t('privacy.title')} withScript={false}>
      <PrivacyPage locale={locale} t={t} retentionDays={retentionDays} />
    </ArrivalDocument>,
  );
}
