import { createFormatter, createTranslator } from 'next-intl';
import { ARRIVAL_LOCALES, ARRIVAL_MESSAGES, type ArrivalLocale } from '@/lib/arrival/locale';
import type { ArrivalPageData } from '@/lib/arrival/page-data';
import { ArrivalPage, LinkNotWorking, type Format, type Translate } from './arrival-page';
import { ArrivalDocument } from './document';

const translator = (locale: ArrivalLocale) => createTranslator({ locale, messages: ARRIVAL_MESSAGES[locale] }) as unknown as Translate;

// react-dom/server is imported when first needed: the App Router build refuses a static import.
async function toHtml(element: React.ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export function renderArrivalPage(data: ArrivalPageData, locale: ArrivalLocale, now: Date): Promise<string> {
  const formatter = createFormatter({ locale, timeZone: data.shelter.timeZone, now });
  const format: Format = { dateTime: (d, o) => new Intl.DateTimeFormat(locale, o).format(d), relativeTime: (d, at) => formatter.relativeTime(d, at) };
  return toHtml(
    <ArrivalDocument lang={locale} title={`${data.shelter.name} · Waystation`} withScript>
      <ArrivalPage data={data} locale={locale} t={translator(locale)} format={format} now={now} />
    </ArrivalDocument>,
  );
}

export function renderLinkNotWorking(locale: ArrivalLocale, tooMany: boolean): Promise<string> {
  const messages = Object.fromEntries(ARRIVAL_LOCALES.map((l) => [l, translator(l)])) as Record<ArrivalLocale, Translate>;
  return toHtml(
    <ArrivalDocument lang={locale} title={messages[locale](tooMany ? 'tooManyTitle' : 'notFoundTitle')} withScript={false}>
      <LinkNotWorking locale={locale} messages={messages} tooMany={tooMany} />
    </ArrivalDocument>,
  );
}
