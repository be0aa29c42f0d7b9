// The message a guide sends with the arrival's link, in the household's language: for a stay's link,
// and for the link of a request made on the public form (which shows the shelter once beds are held).
const SHARE_TEXTS = {
  ru: 'Для вас есть место на эту ночь. Адрес, как добраться и контакты — по ссылке:',
  uk: 'Для вас є місце на цю ніч. Адреса, як дістатися та контакти — за посиланням:',
  tr: 'Bu gece için yeriniz hazır. Adres, yol tarifi ve iletişim bilgileri bu bağlantıda:',
  en: 'Your place for tonight is ready. Address, directions and contacts are at this link:',
} as const;
const REQUEST_TEXTS: Record<keyof typeof SHARE_TEXTS, string> = {
  ru: 'Ваша заявка на место в приюте. По ссылке видно, как она продвигается, а когда место найдут — куда идти:',
  uk: 'Ваша заявка на місце в притулку. За посиланням видно, як вона просувається, а коли місце знайдуть — куди йти:',
  tr: 'Barınakta yer talebiniz. Bu bağlantıda talebinizin durumu, yer bulununca da nereye gideceğiniz görünür:',
  en: 'Your request for a place in a shelter. This link shows where it stands and, once a bed is found, where to go:',
};
export type ShareLanguage = keyof typeof SHARE_TEXTS;
export type ShareKind = 'stay' | 'request';

/** The household's first language we have a text in; English otherwise. */
export function shareLanguage(languages: string[]): ShareLanguage {
  return (languages.find((language) => language in SHARE_TEXTS) as ShareLanguage | undefined) ?? 'en';
}

export function shareText(languages: string[], kind: ShareKind = 'stay'): { language: ShareLanguage; text: string } {
  const language = shareLanguage(languages);
  return { language, text: (kind === 'stay' ? SHARE_TEXTS : REQUEST_TEXTS)[language] };
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
