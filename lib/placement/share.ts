import QRCode from 'qrcode';
import { shareText } from '@/lib/i18n/share';

/** Everything the guide needs to hand a link over: the URL, a QR code as SVG, and share texts. */
export async function linkHandover(origin: string, token: string, languages: string[], issuedAt: Date) {
  const url = `${origin}/s/${token}`;
  const { language, text } = shareText(languages);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    url,
    qrSvg,
    issuedAt: issuedAt.toISOString(),
    language,
    message: `${text} ${url}`,
    telegram: `https://t.me/share/url?${new URLSearchParams({ url, text })}`,
    whatsapp: `https://wa.me/?${new URLSearchParams({ text: `${text} ${url}` })}`,
  };
}
