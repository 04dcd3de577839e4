import type { Prng } from './prng';

// Building blocks of hostile input, shared by the fuzz suites.

const NASTY = [
  '', ' ', '\u0000', '\u202e', '\u200b\u200b', '\ud83d', '\udc00', '💣', '👩‍👩‍👧‍👦', 'ﷺ', '𒐫', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '<script>alert(1)</script>', '{{7*7}}', '${7*7}', "'; DROP TABLE reports; --", '../../../../etc/passwd', '%00', '%', '\\',
  '__proto__', 'constructor', 'prototype', '{"$ne":null}', '$where', 'NaN', '-1', '1e309', '0x1F', 'null', 'undefined', 'true',
  'batal', 'kembali', 'status', '/start', '/start payload', '1', '99', 'ya', 'tidak',
];

export const OPERATOR_VALUES: unknown[] = [
  { $ne: null }, { $gt: '' }, { $regex: '.*' }, { $where: 'sleep(1000)' }, { $in: ['a'] }, { $expr: { $eq: [1, 1] } },
  { __proto__: { admin: true } }, { constructor: { prototype: { polluted: true } } }, [{ $ne: 1 }],
];

/** A random string mixing plain text, every Unicode plane, control characters and known-bad tokens. */
export function hostileText(rng: Prng, maxLength = 200): string {
  const parts: string[] = [];
  const target = rng.int(maxLength + 1);
  while (parts.join('').length < target) {
    const roll = rng.int(5);
    if (roll === 0) parts.push(rng.pick(NASTY));
    else if (roll === 1) parts.push(String.fromCodePoint(rng.int(0x110000 - 0x800) + (rng.chance(0.5) ? 0 : 0x800)).replace(/[\ud800-\udfff]/g, '?'));
    else if (roll === 2) parts.push(String.fromCharCode(rng.int(32)));
    else parts.push(rng.next().toString(36).slice(2, 2 + rng.int(10)));
  }
  return parts.join('').slice(0, maxLength);
}

/** Any JSON-ish value: wrong types, deep nesting, operators, huge numbers. */
export function hostileValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 9)) {
    case 0: return hostileText(rng, 50);
    case 1: return rng.pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER]);
    case 2: return rng.pick([true, false, null]);
    case 3: return rng.pick(OPERATOR_VALUES);
    case 4: return rng.pick(NASTY);
    case 5: return '';
    case 6: return Array.from({ length: rng.int(4) }, () => hostileValue(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--) o[rng.chance(0.3) ? rng.pick(['$ne', '$gt', '__proto__', 'status', 'role']) : hostileText(rng, 12)] = hostileValue(rng, depth + 1);
      return o;
    }
  }
}

/** A heap figure after a full GC when the runtime allows it (`--expose-gc` set on the fly), in MB. */
export function heapAfterGc(): { heapMb: number; rssMb: number } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require('node:v8') as typeof import('node:v8');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vm = require('node:vm') as typeof import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMb: round(m.heapUsed), rssMb: round(m.rss) };
}

const round = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** encodeURIComponent that accepts lone surrogates (they become U+FFFD, as a browser would send them). */
export function encodeAny(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}
