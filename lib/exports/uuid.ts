import { createHash } from 'node:crypto';

/**
 * Waystation's own namespace for the open feed's ids (a random UUID, fixed once): the same name
 * gives the same id on every fetch and every installation, and no other namespace gives it.
 */
export const FEED_NAMESPACE = '3c5f4a8e-6b1d-4f0a-9e27-7d2b8c91a4f6';

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5: SHA-1 of the namespace's bytes and the name). One way:
 * the feed can say "the same shelter as yesterday" without publishing the id staff URLs use.
 */
export function uuidV5(name: string, namespace = FEED_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
