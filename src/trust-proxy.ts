import { isIP } from 'node:net';
import { z } from 'zod';

// Who may tell the admin and bots apps the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto).
// Trusting a header from anyone lets a client pick its own address, and with it its own sign-in and web chat
// limits; so unset means nobody. Express's own forms are accepted: a hop count, or addresses and subnets.

/** What express's `trust proxy` setting gets: false (nobody), a hop count, or a list of addresses/subnets. */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet (address/bits or address/netmask), or one of express's named ranges. */
function isTrustEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, range, extra] = entry.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (isIP(address) === 4 ? 32 : 128);
  return isIP(range) === 4 && isIP(address) === 4;
}

function toTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text) === 0 ? false : Number(text);
  return text.split(',').map((entry) => entry.trim());
}

export const TrustProxySchema = z
  .string()
  .optional()
  .refine(
    (v) => {
      const parsed = toTrustProxy(v);
      return !Array.isArray(parsed) || parsed.every(isTrustEntry);
    },
    'expected a hop count, or addresses/subnets (and loopback, linklocal, uniquelocal) separated by commas',
  )
  .transform(toTrustProxy);
