import { and, eq, inArray } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db } from '@/db';
import { shelters, stays } from '@/db/schema';
import { shareLinks, shareText, type HandoverStay, type ShareKind } from '@/lib/i18n/share';
import { ACTIVE_STAY_STATUSES } from './reserve';

const handoverColumns = {
  firstNight: stays.firstNight,
  departure: stays.departure,
  checkInFrom: shelters.checkInFrom,
  checkInUntil: shelters.checkInUntil,
  timeZone: shelters.timeZone,
};
const dated = (
  row: ({ firstNight: string | null; departure: string | null } & Omit<HandoverStay, 'firstNight' | 'departure'>) | undefined,
): HandoverStay | null => (row?.firstNight && row.departure ? { ...row, firstNight: row.firstNight, departure: row.departure } : null);

/** The nights and door a stay's hand-over names. */
export function handoverStay(db: Db, stayId: string): HandoverStay | null {
  return dated(
    db.select(handoverColumns).from(stays).innerJoin(shelters, eq(shelters.id, stays.shelterId)).where(eq(stays.id, stayId)).get(),
  );
}

/** The same for a household's live stay (held or checked in), if it has one: a request's link once placed. */
export function liveHandoverStay(db: Db, arrivalId: string): HandoverStay | null {
  return dated(
    db
      .select(handoverColumns)
      .from(stays)
      .innerJoin(shelters, eq(shelters.id, stays.shelterId))
      .where(and(eq(stays.arrivalId, arrivalId), inArray(stays.status, [...ACTIVE_STAY_STATUSES])))
      .get(),
  );
}

/**
 * Everything the guide needs to hand a link over: the URL, a QR code as SVG, and share texts that name
 * the stay's first night and door hours, as of `issuedAt`.
 */
export async function linkHandover(
  origin: string,
  token: string,
  languages: string[],
  issuedAt: Date,
  kind: ShareKind = 'stay',
  stay: HandoverStay | null = null,
) {
  const url = `${origin}/s/${token}`;
  const { language, text } = shareText(languages, kind, { stay, now: issuedAt });
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    url,
    qrSvg,
    issuedAt: issuedAt.toISOString(),
    language,
    ...shareLinks(url, text),
  };
}
