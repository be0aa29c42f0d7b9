import type { Db } from '@/db';
import { shareLinks, shareText } from '@/lib/i18n/share';
import type { BatchOutcome, MintedLink } from './batch';
import type { BatchLink, BatchResult } from './batch-view';
import { handoverStay } from './share';

function linkOf(db: Db, origin: string, minted: MintedLink, now: Date): BatchLink {
  if (!minted.token) return { kind: 'request', firstNight: minted.firstNight, departure: minted.departure };
  const url = `${origin}/s/${minted.token}`;
  const { language, text } = shareText(minted.languages, 'stay', { stay: handoverStay(db, minted.stayId), now });
  const { message, telegram, whatsapp } = shareLinks(url, text);
  return { kind: 'new', url, message, telegram, whatsapp, language, firstNight: minted.firstNight, departure: minted.departure };
}

/**
 * The batch's outcomes as the guide's screen shows them: each placed household with its link ready to
 * copy or share, each refused one with its reason. The links are the ones the reservations minted:
 * shown this once, to the guide who placed them, as a single reservation's link is.
 */
export function batchResults(db: Db, origin: string, outcomes: BatchOutcome[], now: Date): BatchResult[] {
  return outcomes.map(({ arrivalId, alias, beds, link, refusal }) => ({
    arrivalId,
    alias,
    beds: beds?.map((bed) => `${bed.roomName} ${bed.label}`) ?? null,
    link: link ? linkOf(db, origin, link, now) : null,
    refusal,
  }));
}
