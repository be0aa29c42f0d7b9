import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link that loads its page when it is followed, never before (docs/decisions/0011). Next prefetches
 * every link that scrolls into view: a staff page asked the server for 20 to 30 more pages each time
 * it was opened, on the phones of volunteers who pay for their data.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
