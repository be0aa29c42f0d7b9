import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { GLOBAL_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';

/**
 * Sends the browser the message namespaces the client components below ask for, beside the global
 * ones. A page wraps everything it renders in one of these and names its namespaces in the JSX, as
 * a literal list: the test that checks them reads it from the source.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), [...GLOBAL_NAMESPACES, ...namespaces]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
