import { ContactButtons, contactLinks } from '@/components/arrival/arrival-page';
import { type Translate } from '@/components/arrival/words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import type { NetworkContact } from '@/lib/requests/settings';

/** A link within the public pages that keeps the reader's language. */
export const localHref = (path: string, locale: ArrivalLocale) => `${path}?lang=${locale}`;

/** How to reach the network's volunteers, and (on the list) the way to ask for a place. */
export function HelpBox({ contact, t, ask }: { contact: NetworkContact; t: Translate; ask?: string }) {
  // Next to the button that asks for a place, calling is the second way, not the first.
  const links = contactLinks(contact, t).map((link) => (ask ? { ...link, primary: false } : link));
  return (
    <section aria-labelledby="help-title">
      <h2 id="help-title">{t('help.title')}</h2>
      {ask ? (
        <p>
          <a className="cta" href={ask}>
            {t('help.ask')}
          </a>
        </p>
      ) : null}
      <p>{links.length > 0 ? t('help.body') : t('help.none')}</p>
      {links.length > 0 ? <ContactButtons links={links} /> : null}
    </section>
  );
}
