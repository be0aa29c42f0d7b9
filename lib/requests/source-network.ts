import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network an address comes from, as one party usually holds it: an IPv4 /24, an IPv6 /48 (a
 * site's allocation). Someone renting a block of addresses gets one network's share of the form,
 * not one per address. Anything else (`unknown`, a forged header's junk) is a network of its own.
 */
export function sourceNetwork(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '')
    .toLowerCase();
  const ipv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1] ?? bare;
  if (isIPv4(ipv4)) return `${ipv4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(bare)) return bare;
  return `${ipv6Groups(bare).slice(0, 3).join(':')}::/48`;
}

/** The eight groups of a valid IPv6 address, `::` filled in, leading zeros dropped. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::');
  // An embedded IPv4 address at the end counts as two groups.
  const groups = (part: string | undefined) =>
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const [before, after] = [groups(head), groups(tail)];
  const filled = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return filled.map((group) => parseInt(group, 16).toString(16));
}
