import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { GLOBAL_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import './globals.css';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: 'Waystation', template: '%s · Waystation' }, description: t('tagline'), robots: { index: false } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f5257' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  // Only what every page needs: a page sends its own namespaces with <ClientMessages>.
  const messages = pickMessages(await getMessages(), GLOBAL_NAMESPACES);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
