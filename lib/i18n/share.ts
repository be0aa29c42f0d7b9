import { createTranslator } from 'next-intl';
import { addNights, nightCount, type Night } from '@/lib/calendar/nights';
import { utcToZonedWallClock } from '@/lib/calendar/zones';

// The message a guide sends with the arrival's link, in the household's language. A stay's message
// names its first night and that day's door hours ("from Mon 7 Dec, check-in 14:00–23:00, 3 nights"),
// and says "tonight" only when the first night is tonight in the shelter's zone: people set off at
// night on what it says. A request made on the public form that is not placed yet gets its own text.
const NIGHTS = {
  en: '{nights, plural, one {# night} other {# nights}}',
  ru: '{nights, plural, one {# ночь} few {# ночи} many {# ночей} other {# ночи}}',
  uk: '{nights, plural, one {# ніч} few {# ночі} many {# ночей} other {# ночі}}',
  tr: '{nights} gece',
};
const STAY_TEXTS = {
  ru: {
    tonight: `Для вас есть место с этой ночи, {date}: заселение {from}–{until}, ${NIGHTS.ru}. Адрес, как добраться и контакты — по ссылке:`,
    ahead: `Для вас есть место с {date}: заселение в этот день {from}–{until}, ${NIGHTS.ru}. Адрес, как добраться и контакты — по ссылке:`,
    undated: 'Для вас есть место. Адрес, как добраться, часы заселения и контакты — по ссылке:',
  },
  uk: {
    tonight: `Для вас є місце з цієї ночі, {date}: заселення {from}–{until}, ${NIGHTS.uk}. Адреса, як дістатися та контакти — за посиланням:`,
    ahead: `Для вас є місце з {date}: заселення цього дня {from}–{until}, ${NIGHTS.uk}. Адреса, як дістатися та контакти — за посиланням:`,
    undated: 'Для вас є місце. Адреса, як дістатися, години заселення та контакти — за посиланням:',
  },
  tr: {
    tonight: `Bu geceden itibaren yeriniz hazır ({date}): giriş {from}–{until}, ${NIGHTS.tr}. Adres, yol tarifi ve iletişim bilgileri bu bağlantıda:`,
    ahead: `Yeriniz hazır, ilk gece {date}: o gün giriş {from}–{until}, ${NIGHTS.tr}. Adres, yol tarifi ve iletişim bilgileri bu bağlantıda:`,
    undated: 'Yeriniz hazır. Adres, yol tarifi, giriş saatleri ve iletişim bilgileri bu bağlantıda:',
  },
  en: {
    tonight: `Your place is ready from tonight, {date}: check-in {from}–{until}, ${NIGHTS.en}. Address, directions and contacts are at this link:`,
    ahead: `Your place is ready from {date}: check-in {from}–{until} that day, ${NIGHTS.en}. Address, directions and contacts are at this link:`,
    undated: 'Your place is ready. Address, directions, check-in hours and contacts are at this link:',
  },
} as const;
const REQUEST_TEXTS: Record<keyof typeof STAY_TEXTS, string> = {
  ru: 'Ваша заявка на место в приюте. По ссылке видно, как она продвигается, а когда место найдут — куда идти:',
  uk: 'Ваша заявка на місце в притулку. За посиланням видно, як вона просувається, а коли місце знайдуть — куди йти:',
  tr: 'Barınakta yer talebiniz. Bu bağlantıda talebinizin durumu, yer bulununca da nereye gideceğiniz görünür:',
  en: 'Your request for a place in a shelter. This link shows where it stands and, once a bed is found, where to go:',
};
export type ShareLanguage = keyof typeof STAY_TEXTS;
export type ShareKind = 'stay' | 'request';
/** The nights a hand-over names and the shelter's door, read in the shelter's zone. */
export type HandoverStay = { firstNight: Night; departure: Night; checkInFrom: string; checkInUntil: string; timeZone: string };

/** The household's first language we have a text in; English otherwise. */
export function shareLanguage(languages: string[]): ShareLanguage {
  return (languages.find((language) => language in STAY_TEXTS) as ShareLanguage | undefined) ?? 'en';
}

// Noon UTC names the same calendar day in any reading.
const noon = (night: Night) => new Date(`${night}T12:00:00Z`);
const dayFormat = (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
/** A first night as each language writes it: "Mon 7 Dec", "7 декабря (пн)", "7 грудня (пн)", "7 Aralık Pazartesi". */
const DAY_NAMES: Record<ShareLanguage, (night: Night) => string> = {
  en: (night) => dayFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).format(noon(night)),
  ru: (night) =>
    `${dayFormat('ru', { day: 'numeric', month: 'long' }).format(noon(night))} (${dayFormat('ru', { weekday: 'short' }).format(noon(night))})`,
  uk: (night) =>
    `${dayFormat('uk', { day: 'numeric', month: 'long' }).format(noon(night))} (${dayFormat('uk', { weekday: 'short' }).format(noon(night))})`,
  tr: (night) => dayFormat('tr', { weekday: 'long', day: 'numeric', month: 'long' }).format(noon(night)),
};

/**
 * The night people mean by "tonight" at `now`, in the shelter's zone: until six in the morning, the one
 * that began the evening before; at 00:30, "tonight" is not the coming evening.
 */
function nightMeantByTonight(timeZone: string, now: Date): Night {
  const local = utcToZonedWallClock(now, timeZone);
  return local.slice(11) < '06:00' ? addNights(local.slice(0, 10), -1) : local.slice(0, 10);
}

/** A stay's message at `now`: "tonight" only for the night under way or about to be; else the date alone. */
function stayText(language: ShareLanguage, stay: HandoverStay, now: Date): string {
  const t = createTranslator({ locale: language, messages: STAY_TEXTS[language] });
  const values = { date: DAY_NAMES[language](stay.firstNight), from: stay.checkInFrom, until: stay.checkInUntil, nights: nightCount(stay) };
  return t(stay.firstNight === nightMeantByTonight(stay.timeZone, now) ? 'tonight' : 'ahead', values);
}

/**
 * The message for a link: a stay's dated text whenever the link leads to a stay (a request's link
 * once beds are held too), the request's text while it waits. A stay without dates names none.
 * A link renewed during a stay names the stay's own first night, as the page does.
 */
export function shareText(
  languages: string[],
  kind: ShareKind = 'stay',
  dated?: { stay: HandoverStay | null; now: Date },
): { language: ShareLanguage; text: string } {
  const language = shareLanguage(languages);
  const stay = dated?.stay;
  if (stay) return { language, text: stayText(language, stay, dated.now) };
  return { language, text: kind === 'request' ? REQUEST_TEXTS[language] : STAY_TEXTS[language].undated };
}

/**
 * The one builder of share links, for the guide's handover and the arrival's own page alike: the
 * message with the link, and Telegram's and WhatsApp's share URLs for it. No script is needed to use them.
 */
export function shareLinks(url: string, text: string) {
  return {
    message: `${text} ${url}`,
    telegram: `https://t.me/share/url?${new URLSearchParams({ url, text })}`,
    whatsapp: `https://wa.me/?${new URLSearchParams({ text: `${text} ${url}` })}`,
  };
}
