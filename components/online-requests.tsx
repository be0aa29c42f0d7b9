'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import Link from '@/components/link';
import styles from './online-requests.module.css';

/** How often an open, visible tab asks: a new request shows within this, at one tiny read per tab. */
export const POLL_MS = 20_000;
const COUNT_URL = '/api/online-requests';

type Counts = { count: number; wrong: number };

/**
 * The header's counts, kept fresh without a reload: people who asked online and are waiting, and
 * guests who said "something was wrong" after a stay that nobody has looked at yet. While the tab is
 * visible it asks /api/online-requests (two numbers, nothing else) every POLL_MS and on coming back to
 * the tab. When a count changes on its own page (the queue, the guests' word), that page re-renders,
 * so the new ones appear in its list. Each count links to that page.
 */
export function OnlineRequests({ initial, initialWords }: { initial: number; initialWords: number | null }) {
  const t = useTranslations('queue');
  const router = useRouter();
  const pathname = usePathname();
  const rendered: Counts = { count: initial, wrong: initialWords ?? 0 };
  // The counts polled since the server last rendered `rendered`; a fresh render wins over them.
  const [polled, setPolled] = useState<{ counts: Counts; since: string } | null>(null);
  const since = `${rendered.count}/${rendered.wrong}`;
  const { count, wrong } = polled && polled.since === since ? polled.counts : rendered;

  useEffect(() => {
    let stopped = false;
    async function poll() {
      if (document.visibilityState !== 'visible') return;
      try {
        const response = await fetch(COUNT_URL, { cache: 'no-store', credentials: 'same-origin' });
        if (!response.ok || stopped) return;
        const fresh = (await response.json()) as Partial<Counts>;
        if (typeof fresh.count !== 'number') return;
        const next = { count: fresh.count, wrong: typeof fresh.wrong === 'number' ? fresh.wrong : 0 };
        if (next.count === count && next.wrong === wrong) return;
        setPolled({ counts: next, since });
        if ((pathname === '/arrivals' && next.count !== count) || (pathname === '/feedback' && next.wrong !== wrong)) router.refresh();
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }
    const timer = window.setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [pathname, router, since, count, wrong]);

  return (
    <span aria-live="polite">
      {count > 0 ? (
        <Link href="/arrivals?kind=online" className={styles.count}>
          {t('onlineCount', { count })}
        </Link>
      ) : null}
      {initialWords !== null && wrong > 0 ? (
        <>
          {count > 0 ? ' ' : null}
          <Link href="/feedback" className={`${styles.count} ${styles.wrong}`}>
            {t('wrongCount', { count: wrong })}
          </Link>
        </>
      ) : null}
    </span>
  );
}
