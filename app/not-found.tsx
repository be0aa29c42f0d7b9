import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getTranslations('notFoundPage');
  return (
    <main className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <Link href="/shelters">{t('back')}</Link>
    </main>
  );
}
