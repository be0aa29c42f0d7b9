// The message a guide sends with the arrival's link, in the household's language.
const SHARE_TEXTS = {
  ru: 'Для вас есть место на эту ночь. Адрес, как добраться и контакты — по ссылке:',
  uk: 'Для вас є місце на цю ніч. Адреса, як дістатися та контакти — за посиланням:',
  tr: 'Bu gece için yeriniz hazır. Adres, yol tarifi ve iletişim bilgileri bu bağlantıda:',
  en: 'Your place for tonight is ready. Address, directions and contacts are at this link:',
} as const;
export type ShareLanguage = keyof typeof SHARE_TEXTS;

/** The household's first language we have a text in; English otherwise. */
export function shareLanguage(languages: string[]): ShareLanguage {
  return (languages.find((language) => language in SHARE_TEXTS) as ShareLanguage | undefined) ?? 'en';
}

export function shareText(languages: string[]): { language: ShareLanguage; text: string } {
  const language = shareLanguage(languages);
  return { language, text: SHARE_TEXTS[language] };
}
