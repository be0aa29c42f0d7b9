import { linkNotWorking } from '@/app/link-not-working';
import type { SayRefusal } from '@/components/arrival/guest-said';
import type { WordRefusal } from '@/components/arrival/guest-word';
import { htmlResponse, redirectResponse, requestLocale } from '@/components/arrival/response';
import { linkPageHasForm, mayGiveWord, mayTellShelter, renderLinkPage } from '@/components/public/render';
import { getDb, write } from '@/db';
import { clientAddress } from '@/lib/auth/client-address';
import { isSameOriginPost, originFromHeaders } from '@/lib/auth/origin';
import { DomainError } from '@/lib/errors';
import { formDataToObject } from '@/lib/forms';
import { tellShelter } from '@/lib/guest-link/guest-said';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { linkPageData, type LinkPage } from '@/lib/guest-link/page-data';
import { stayIsOver } from '@/lib/guest-link/status';
import { giveWord } from '@/lib/guest-word/answer';
import { cancelOwnRequest } from '@/lib/requests/self-register';
import { guarded } from '@/lib/security/guard';
import { guestSaidSchema } from '@/lib/validation/guest-said';
import { guestWordSchema } from '@/lib/validation/guest-word';
import { cancelRequestSchema } from '@/lib/validation/request';

export const dynamic = 'force-dynamic';
type Params = { params: Promise<{ token: string }> };

/** The page's own address, as the person would share it with themselves (without the language). */
const ownUrl = (request: Request) => `${originFromHeaders(request.headers)}${new URL(request.url).pathname}`;

/** The arrival's page: one HTML response with inline CSS and no framework JavaScript. */
async function showPage(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  const page = linkPageData(getDb(), token, now);
  if (!page) return linkNotWorking(clientAddress(request.headers), locale, now);
  const paused = new URL(request.url).searchParams.get('refresh') === 'off';
  return htmlResponse(await renderLinkPage(page, locale, now, { shareUrl: ownUrl(request), paused }), 200, {
    forms: linkPageHasForm(page),
    headers: remember,
  });
}

type Post = { token: string; fields: Record<string, unknown>; locale: ArrivalLocale; address: string; now: Date };

/** A person withdraws the request they made on the public form; then the page shows it closed. */
async function withdrawRequest(request: Request, page: LinkPage, { token, fields, locale, address, now }: Post) {
  const parsed = cancelRequestSchema.safeParse(fields);
  // Only a request's own link withdraws it: a guide's link has nothing to withdraw.
  const withdrawable = page.kind === 'waiting' || (page.kind === 'stay' && page.cancellable);
  if (!parsed.success || !withdrawable) {
    return htmlResponse(await renderLinkPage(page, locale, now), !parsed.success ? 400 : 409, { forms: linkPageHasForm(page) });
  }
  try {
    if (!write(getDb(), (tx) => cancelOwnRequest(tx, token, now))) return linkNotWorking(address, locale, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return htmlResponse(await renderLinkPage(page, locale, now, { cancelRefused: true }), 409, { forms: linkPageHasForm(page) });
  }
  return redirectResponse(`${new URL(request.url).pathname}?lang=${locale}`);
}

/**
 * The guest tells the shelter "on my way" or "late, about 23:30" while their beds are held. A time the
 * shelter does not take comes back next to the field, with the latest time and the shelter's phone,
 * and nothing is written; a hold that has ended says so; past the hourly limit, "try again later".
 */
async function tellShelterPost(request: Request, page: LinkPage, { fields, locale, now }: Post) {
  const refuse = async (status: number, say: SayRefusal) =>
    htmlResponse(await renderLinkPage(page, locale, now, { say }), status, { forms: linkPageHasForm(page) });
  if (page.kind === 'stay' && stayIsOver(page.data.status)) return refuse(409, { error: 'holdEnded' });
  if (page.kind !== 'stay' || !mayTellShelter(page))
    return htmlResponse(await renderLinkPage(page, locale, now), 409, { forms: linkPageHasForm(page) });
  const typed = typeof fields.eta === 'string' ? fields.eta.slice(0, 10) : undefined;
  const parsed = guestSaidSchema.safeParse(fields);
  if (!parsed.success) return refuse(400, { error: parsed.error.issues[0]?.message === 'lateTime' ? 'lateTime' : 'invalid', eta: typed });
  const said = parsed.data.intent === 'late' ? { intent: 'late' as const, time: parsed.data.eta } : { intent: 'on_my_way' as const };
  const outcome = write(getDb(), (tx) => tellShelter(tx, page.data.stayId, said, now));
  if (outcome === 'tooMany') return refuse(429, { error: 'tooMany' });
  if (outcome === 'holdEnded') return refuse(409, { error: 'holdEnded' });
  if (outcome !== 'recorded') return refuse(400, { error: outcome, eta: typed });
  return redirectResponse(`${new URL(request.url).pathname}?lang=${locale}`);
}

/**
 * After check-out, the guest's word about the stay: yes, no or something was wrong, and a note. Given
 * once: a second post writes nothing and the page thanks them for the first, saying it stands. A bad
 * choice or a note too long comes back next to its field with what they typed; nothing is written.
 */
async function giveWordPost(request: Request, page: LinkPage, { token, fields, locale, now }: Post) {
  const show = async (status: number, options: { word?: WordRefusal; wordAgain?: boolean } = {}) =>
    htmlResponse(await renderLinkPage(page, locale, now, options), status, { forms: linkPageHasForm(page) });
  if (page.kind !== 'stay' || page.data.word === null) return show(409);
  if (!mayGiveWord(page)) return show(409, { wordAgain: true });
  const parsed = guestWordSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]?.message;
    const error = issue === 'choose' || issue === 'noteTooLong' ? issue : 'invalid';
    const typed = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).slice(0, 2000) : undefined);
    return show(400, { word: { error, answer: typed('answer'), note: typed('note') } });
  }
  const outcome = write(getDb(), (tx) => giveWord(tx, page.data.stayId, parsed.data, now));
  if (outcome === 'notAsked') return show(409);
  if (outcome === 'already') {
    // Another tab answered a moment ago: the page as it now stands, thanking for that first answer.
    const fresh = linkPageData(getDb(), token, now) ?? page;
    return htmlResponse(await renderLinkPage(fresh, locale, now, { wordAgain: true }), 409, { forms: linkPageHasForm(fresh) });
  }
  return redirectResponse(`${new URL(request.url).pathname}?lang=${locale}`);
}

/** The posts a link's page accepts, told apart by their `intent`; each checks its own fields. */
async function post(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  const fields = formDataToObject(await request.formData().catch(() => new FormData()));
  const { locale } = requestLocale(request, fields.lang);
  const address = clientAddress(request.headers);
  const page = linkPageData(getDb(), token, now);
  if (!page) return linkNotWorking(address, locale, now);
  // A post from another site changes nothing: the page is shown as it stands.
  if (!isSameOriginPost(request)) return htmlResponse(await renderLinkPage(page, locale, now), 403, { forms: linkPageHasForm(page) });
  const input = { token, fields, locale, address, now };
  if (fields.intent === 'cancel') return withdrawRequest(request, page, input);
  if (fields.intent === 'word') return giveWordPost(request, page, input);
  return tellShelterPost(request, page, input);
}

// The proxy does not run for this route (proxy.ts): it guards itself.
export const GET = (request: Request, context: Params) => guarded(request, () => showPage(request, context));
export const POST = (request: Request, context: Params) => guarded(request, () => post(request, context));
