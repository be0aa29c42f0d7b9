import { createFormatter, createTranslator } from 'next-intl';
import { ARRIVAL_LOCALES, ARRIVAL_MESSAGES, type ArrivalLocale } from '@/lib/arrival/locale';
import type { ArrivalPageData } from '@/lib/arrival/page-data';
import { ArrivalPage, LinkNotWorking, type Format, type Translate } from './arrival-page';
import { ArrivalDocument } from './document';

// Built once per language and kept: compiling the messages costs more than rendering the page.
const translators = new Map<ArrivalLocale, Translate>();
const translator = (locale: ArrivalLocale) => {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator({ locale, messages: ARRIVAL_MESSAGES[locale] }) as unknown as Translate));
  return t;
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(locale: string, date: Date, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format.format(date);
}

// react-dom/server is imported when first needed: the App Router build refuses a static import.
async function toHtml(element: React.ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export function renderArrivalPage(data: ArrivalPageData, locale: ArrivalLocale, now: Date): Promise<string> {
  const formatter = createFormatter({ locale, timeZone: data.shelter.timeZone, now });
  const format: Format = { dateTime: (d, o) => formatDate(locale, d, o), relativeTime: (d, at) => formatter.relativeTime(d, at) };
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
