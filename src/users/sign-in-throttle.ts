import type { Redis } from 'ioredis';
import { runScript } from '../redis';

// Sign-in attempts are counted in Redis, and each one is reserved BEFORE its password is checked: a burst of
// parallel guesses cannot all pass a check-first-count-after limit while the slow argon2 checks run. (The database
// cannot do this: FerretDB applies `$inc` and guarded updates non-atomically.)
//
// Keys: one per (account, source), the one that slows a guesser down; a looser one per source, for guessing across
// many names; and one per account over all sources a sign-in has never succeeded from, for guessing spread over
// many addresses. An account at a source it signed in from before meets only its own (account, source) budget:
// someone spraying names from a shared carrier or office address cannot shut out the workers who sign in there. Each time one (account, source) uses up its budget again within a day, its wait doubles (15 min,
// 30, 60, … up to a day): a patient guesser slows down further, a colleague who mistyped is not. A stranger elsewhere therefore never keeps a worker out of their own account at their usual
// address: nothing locks the account itself. Unknown names are counted like real ones, so answers do not differ.
export const SIGN_IN_LIMITS = {
  perAccountAndSource: 5,
  perSource: 100,
  perAccountFromNewSources: 50,
  windowSeconds: 15 * 60,
  /** The longest wait one (account, source) can build up, and how long its past strikes are remembered. */
  maxWaitSeconds: 86_400,
  /** How long a successful sign-in makes its source "known" to that account. */
  knownSourceSeconds: 30 * 86_400,
};
export type SignInLimits = typeof SIGN_IN_LIMITS;

// KEYS: account+source, source, account, known, strikes of account+source. ARGV: the three maxima, window seconds,
// longest wait. Returns 0 (reserved, source and account counted), -1 (reserved, known source: only the pair counted)
// or the seconds until the next try.
const RESERVE = `
local known = redis.call('EXISTS', KEYS[4]) == 1
local function full(key, max) return tonumber(redis.call('GET', key) or '0') >= tonumber(max) end
local function wait(key) local t = redis.call('TTL', key) if t < 1 then return 1 end return t end
if full(KEYS[1], ARGV[1]) then return wait(KEYS[1]) end
if not known and full(KEYS[2], ARGV[2]) then return wait(KEYS[2]) end
if not known and full(KEYS[3], ARGV[3]) then return wait(KEYS[3]) end
local counted = {KEYS[1]}
if not known then counted[2] = KEYS[2] counted[3] = KEYS[3] end
for _, key in ipairs(counted) do
  if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[4]) end
end
if tonumber(redis.call('GET', KEYS[1])) == tonumber(ARGV[1]) then
  local strikes = redis.call('INCR', KEYS[5])
  redis.call('EXPIRE', KEYS[5], ARGV[5])
  redis.call('EXPIRE', KEYS[1], math.min(tonumber(ARGV[4]) * 2 ^ (strikes - 1), tonumber(ARGV[5])))
end
if known then return -1 end
return 0`;

// A right password: the (account, source) count and strikes start again, the attempt is refunded, the source
// becomes known. KEYS as above. ARGV: known seconds, '1' when the source and account keys were counted.
const SETTLE_SUCCESS = `
redis.call('DEL', KEYS[1], KEYS[5])
local function refund(key) if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end end
if ARGV[2] == '1' then refund(KEYS[2]) refund(KEYS[3]) end
redis.call('SET', KEYS[4], '1', 'EX', ARGV[1])
return 1`;

export type Reservation =
  | { ok: true; succeeded(): Promise<void> }
  | { ok: false; retryAfterSeconds: number };

export interface SignInThrottleDeps {
  redis: Redis;
  prefix: string;
  /** Keyed hash: neither usernames nor addresses are kept in Redis in the clear. */
  hasher: (value: string) => string;
  limits?: SignInLimits;
}

export function createSignInThrottle({ redis, prefix, hasher, limits = SIGN_IN_LIMITS }: SignInThrottleDeps) {
  function keysOf(username: string, source: string): string[] {
    const account = username.trim().toLowerCase();
    const pair = hasher(`${account}\u0000${source}`);
    return [
      `${prefix}:login-fail:as:${pair}`, `${prefix}:login-fail:s:${hasher(source)}`, `${prefix}:login-fail:a:${hasher(account)}`,
      `${prefix}:login-known:${pair}`, `${prefix}:login-fail:strikes:${pair}`,
    ];
  }

  return {
    /** Takes one attempt from every budget it counts against, or says how long to wait. */
    async reserve(username: string, source: string): Promise<Reservation> {
      const keys = keysOf(username, source);
      const answer = Number(await runScript(redis, RESERVE, keys, [
        limits.perAccountAndSource, limits.perSource, limits.perAccountFromNewSources, limits.windowSeconds, limits.maxWaitSeconds]));
      if (answer > 0) return { ok: false, retryAfterSeconds: answer };
      const accountCounted = answer === 0 ? '1' : '0';
      return { ok: true, succeeded: async () => void (await runScript(redis, SETTLE_SUCCESS, keys, [limits.knownSourceSeconds, accountCounted])) };
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
