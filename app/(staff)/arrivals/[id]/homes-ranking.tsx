import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';

/** Where private homes rank among the suggestions, and the link that ranks them the other way. */
export async function HomesRanking({ homes }: { homes: { alike: boolean; href: string } }) {
  const t = await getTranslations('placement');
  return (
    <p className="muted">
      {t(homes.alike ? 'homesAlike' : 'homesAfter')} <Link href={homes.href}>{t(homes.alike ? 'homesAfterLink' : 'homesAlikeLink')}</Link>
    </p>
  );
}
