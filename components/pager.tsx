import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';

/** "Page 2 of 7" between links to the pages either side; nothing when everything fits on one page. */
export async function Pager({ page, pages, hrefOf }: { page: number; pages: number; hrefOf: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations('pager');
  return (
    <nav aria-label={t('pages')} className="pager">
      {page > 1 ? <Link href={hrefOf(page - 1)}>{t('previous')}</Link> : null}
      <span>{t('pageOf', { page, pages })}</span>
      {page < pages ? <Link href={hrefOf(page + 1)}>{t('next')}</Link> : null}
    </nav>
  );
}

/** Says which page is shown instead of the one asked for: a bad number, or one past the last page. */
export async function PageAskedFor({ badPage, pageOutOfRange, pages }: { badPage: boolean; pageOutOfRange: boolean; pages: number }) {
  if (!badPage && !pageOutOfRange) return null;
  const t = await getTranslations('pager');
  return (
    <p className="form-status error" role="alert">
      {badPage ? t('badPage') : t('pageOutOfRange', { pages })}
    </p>
  );
}
