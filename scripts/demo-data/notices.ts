import type { Db } from '@/db';
import { notices, noticeTexts, type TextLocale } from '@/db/schema';

const HOUR = 3600_000;

/** The demo's live notices: one from the Fatih host to its guests, one from the admin to all of Yerevan. */
const DEMO_NOTICES: { place: 'fatih' | 'yerevan'; hoursLeft: number; texts: Record<TextLocale, string> }[] = [
  {
    place: 'fatih',
    hoursLeft: 20,
    texts: {
      en: 'The front door is under repair: use the green side door on Kiztasi Street.',
      ru: 'Главную дверь чинят: входите через зелёную боковую дверь с улицы Кызташи.',
      tr: 'Ön kapı tamirde: Kıztaşı Sokağı’ndaki yeşil yan kapıyı kullanın.',
      uk: 'Головні двері ремонтують: заходьте через зелені бічні двері з вулиці Кизташи.',
    },
  },
  {
    place: 'yerevan',
    hoursLeft: 30,
    texts: {
      en: 'The metro closes at 23:00. From Zvartnots after that, call the city number and a volunteer will meet you.',
      ru: 'Метро закрывается в 23:00. Если вы прилетаете в Звартноц позже, позвоните по номеру города, и вас встретит волонтёр.',
      tr: 'Metro 23:00’te kapanır. Daha geç Zvartnots’a inerseniz şehir numarasını arayın, bir gönüllü sizi karşılar.',
      uk: 'Метро закривається о 23:00. Якщо ви прилітаєте до Звартноца пізніше, зателефонуйте на номер міста, і вас зустріне волонтер.',
    },
  },
];

/**
 * In the seed's transaction: notices live from `now`, each with its text in the four languages. Each
 * author may post there now (the host at Fatih, the admin of every city in Yerevan), as the app requires.
 */
export function seedDemoNotices(
  tx: Db,
  now: Date,
  where: { fatih: string; yerevan: string },
  authors: { host: string; admin: string },
): void {
  for (const notice of DEMO_NOTICES) {
    const place = notice.place === 'fatih' ? { shelterId: where.fatih } : { cityId: where.yerevan };
    const authorId = notice.place === 'fatih' ? authors.host : authors.admin;
    const row = tx
      .insert(notices)
      .values({ ...place, endsAt: new Date(now.getTime() + notice.hoursLeft * HOUR), createdBy: authorId, createdAt: now })
      .returning({ id: notices.id })
      .get();
    for (const [locale, text] of Object.entries(notice.texts))
      tx.insert(noticeTexts)
        .values({ noticeId: row.id, locale: locale as TextLocale, text })
        .run();
  }
}
