'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import Link from '@/components/link';
import styles from './online-requests.module.css';

/** How often an open, visible tab asks: a new request shows within this, at one tiny read per tab. */
export const POLL_MS = 20_000;
const COUNT_URL = '/api/online-requests';

/**
 * The header's count of people who asked online and are waiting, kept fresh without a reload: while
 * the tab is visible it asks /api/online-requests (a number, nothing else) every POLL_MS and on
 * coming back to the tab. When the count changes on the queue itself, the queue re-renders, so new
 * requests appear in the list. The link opens the queue filtered to them.
 */
export function OnlineRequests({ initial }: { initial: number }) {
  const t = useTranslations('queue');
  const router = useRouter();
  const pathname = usePathname();
  // The count polled since the server last rendered `initial`; a fresh render wins over it.
  const [polled, setPolled] = useState<{ count: number; since: number } | null>(null);
  const count = polled && polled.since === initial ? polled.count : initial;

  useEffect(() => {
    let stopped = false;
    async function poll() {
      if (document.visibilityState !== 'visible') return;
      try {
        const response = await fetch(COUNT_URL, { cache: 'no-store', credentials: 'same-origin' });
        if (!response.ok || stopped) return;
        const { count: fresh } = (await response.json()) as { count: number };
        if (typeof fresh !== 'number' || fresh === count) return;
        setPolled({ count: fresh, since: initial });
        if (pathname === '/arrivals') router.refresh();
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
  }, [pathname, router, initial, count]);

  return (
    <span aria-live="polite">
      {count > 0 ? (
        <Link href="/arrivals?kind=online" className={styles.count}>
          {t('onlineCount', { count })}
        </Link>
      ) : null}
    </span>
  );
}
