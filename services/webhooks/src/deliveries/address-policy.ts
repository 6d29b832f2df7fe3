import { BlockList, isIP } from 'node:net';
import type { AddressClass } from '../config';

type Range = [address: string, prefix: number, family: 'ipv4' | 'ipv6'];

const LOOPBACK: Range[] = [
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
];
const PRIVATE: Range[] = [
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['fc00::', 7, 'ipv6'], // unique local
];
const LINK_LOCAL: Range[] = [
  ['169.254.0.0', 16, 'ipv4'], // cloud metadata lives here
  ['fe80::', 10, 'ipv6'],
];
/** Never a webhook target, whatever the setting: "this host", multicast, reserved, broadcast. */
const NEVER: Range[] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const listOf = (ranges: Range[]) => {
  const list = new BlockList();
  for (const [address, prefix, family] of ranges) list.addSubnet(address, prefix, family);
  return list;
};
const CLASSES: Record<AddressClass, BlockList> = {
  loopback: listOf(LOOPBACK),
  private: listOf(PRIVATE),
  link_local: listOf(LINK_LOCAL),
};
const NEVER_LIST = listOf(NEVER);

/** `::ffff:10.0.0.1` is 10.0.0.1: IPv4-mapped IPv6 addresses are judged as IPv4. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  const v = isIP(address);
  if (v === 4) return { address, family: 'ipv4' };
  if (v === 6) return { address, family: 'ipv6' };
  return null;
}

/**
 * Where an endpoint may point: public addresses always, the classes in `allowed` besides. Used
 * when an endpoint is saved and again on every connection (the DNS answer may have changed).
 */
export class AddressPolicy {
  constructor(private readonly allowed: readonly AddressClass[]) {}

  /** Why the address is refused, or null when it may be used. */
  refusal(raw: string): string | null {
    const ip = normalise(raw);
    if (!ip) return `${raw} is not an IP address`;
    if (NEVER_LIST.check(ip.address, ip.family)) return `${raw} is not a routable address`;
    for (const [name, list] of Object.entries(CLASSES) as [AddressClass, BlockList][]) {
      if (list.check(ip.address, ip.family) && !this.allowed.includes(name)) {
        return `${raw} is a ${name.replace('_', '-')} address`;
      }
    }
    return null;
  }
}
