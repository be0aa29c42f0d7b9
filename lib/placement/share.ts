import QRCode from 'qrcode';
import { shareLinks, shareText, type ShareKind } from '@/lib/i18n/share';

/** Everything the guide needs to hand a link over: the URL, a QR code as SVG, and share texts. */
export async function linkHandover(origin: string, token: string, languages: string[], issuedAt: Date, kind: ShareKind = 'stay') {
  const url = `${origin}/s/${token}`;
  const { language, text } = shareText(languages, kind);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    url,
    qrSvg,
    issuedAt: issuedAt.toISOString(),
    language,
    ...shareLinks(url, text),
  };
}
