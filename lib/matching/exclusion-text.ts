import type { Exclusion } from './suggest';

/** A translator over the `suggest` messages, as next-intl's useTranslations('suggest') gives one. */
type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * Why a shelter cannot take a household, in the words of the suggestions ("1 bed short", "Full on
 * 7 Dec"). The one phrasing: the household page's list of places that cannot take it and the queue's
 * batch results both say it through here, so a guide reads the same reason on both.
 */
export function exclusionText(t: Translate, exclusion: Exclusion): string {
  switch (exclusion.code) {
    case 'bedsShort':
      return t('excluded.bedsShort', { count: exclusion.count });
    case 'familyRoomTooSmall':
      return t('excluded.familyRoomTooSmall', { needed: exclusion.needed });
    case 'notOpen':
      return t(`excluded.${exclusion.status}`);
    case 'stayTooLong':
      return t('excluded.stayTooLong', { max: exclusion.max });
    case 'fullOn':
      // Noon UTC names the same calendar day in every zone we serve.
      return t('excluded.fullOn', { night: new Date(`${exclusion.night}T12:00:00Z`) });
    default:
      return t(`excluded.${exclusion.code}`);
  }
}
