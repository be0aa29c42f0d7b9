'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Asks the server for fresh figures every `seconds` while the tab is visible: the page keeps its scroll
 * position and open toggles, and the server-rendered "updated at" line says when it last did.
 */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
