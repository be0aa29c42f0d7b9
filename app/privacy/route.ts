import { htmlResponse, requestLocale } from '@/components/arrival/response';
import { renderPrivacyPage } from '@/components/public/render';
import { getDb } from '@/db';
import { retentionDays } from '@/lib/privacy/retention';

export const dynamic = 'force-dynamic';

/** What we keep about an arrival, in their language: linked from every page an arrival sees. */
export async function GET(request: Request) {
  const { locale, remember } = requestLocale(request);
  return htmlResponse(await renderPrivacyPage(locale, retentionDays(getDb())), 200, { headers: remember });
}
