import { Redis } from 'ioredis';
import { createSignInThrottle, type SignInLimits } from '../../src/users/sign-in-throttle';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

// The throttle on its own, against the real Redis, with small budgets (no argon2 here: the HTTP tests in
// test/admin/sign-in-throttle.test.ts show the panel uses it before every password check).
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
const prefix = uniquePrefix('throttle-unit');
const limits: SignInLimits = { perAccountAndSource: 2, perSource: 4, perAccountFromNewSources: 3, windowSeconds: 60, maxWaitSeconds: 300, knownSourceSeconds: 3600 };
const throttle = createSignInThrottle({ redis, prefix, hasher: (v) => Buffer.from(v).toString('hex'), limits });

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

const granted = async (username: string, source: string) => (await throttle.reserve(username, source)).ok;

describe('the sign-in throttle', () => {
  it('grants exactly the budget to 100 parallel attempts, then says how long to wait', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => throttle.reserve('parallel', '10.0.0.1')));
    expect(answers.filter((a) => a.ok)).toHaveLength(limits.perAccountAndSource);
    const refused = answers.find((a) => !a.ok);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(limits.windowSeconds);
  });

  it('counts a name the same whether or not it exists, case and spaces aside', async () => {
    expect(await granted('Ghost', '10.0.0.2')).toBe(true);
    expect(await granted(' ghost', '10.0.0.2')).toBe(true);
    expect(await granted('ghost', '10.0.0.2')).toBe(false);
  });

  it('one address across many names meets the per-address ceiling; other addresses do not', async () => {
    for (let i = 0; i < limits.perSource; i++) expect(await granted(`name.${i}`, '10.0.0.3')).toBe(true);
    expect(await granted('colleague', '10.0.0.3')).toBe(false);
    expect(await granted('colleague', '10.0.0.4')).toBe(true);
  });

  it('guessing one name from many new addresses meets the account ceiling; the address it signed in from before does not', async () => {
    const usual = await throttle.reserve('oncall', '10.1.0.1');
    if (!usual.ok) throw new Error('expected a reservation');
    await usual.succeeded();
    for (let i = 0; i < limits.perAccountFromNewSources; i++) expect(await granted('oncall', `192.0.2.${i}`)).toBe(true);
    expect(await granted('oncall', '192.0.2.200')).toBe(false);
    expect(await granted('oncall', '10.1.0.1')).toBe(true);
  });

  it('names sprayed from a shared address do not shut out a worker who signs in there', async () => {
    const usual = await throttle.reserve('receptionist', '10.3.0.1');
    if (!usual.ok) throw new Error('expected a reservation');
    await usual.succeeded();
    for (let i = 0; i < limits.perSource + 5; i++) await granted(`sprayed.${i}`, '10.3.0.1');
    expect(await granted('newcomer', '10.3.0.1')).toBe(false);
    // The worker's own name at their usual address still has its own budget, and only that.
    for (let i = 0; i < limits.perAccountAndSource; i++) expect(await granted('receptionist', '10.3.0.1')).toBe(true);
    expect(await granted('receptionist', '10.3.0.1')).toBe(false);
  });

  it('a success refunds its attempt and starts that name and address afresh', async () => {
    expect(await granted('typist', '10.2.0.1')).toBe(true);
    const right = await throttle.reserve('typist', '10.2.0.1');
    if (!right.ok) throw new Error('expected a reservation');
    await right.succeeded();
    expect(await granted('typist', '10.2.0.1')).toBe(true);
    expect(await granted('typist', '10.2.0.1')).toBe(true);
    expect(await granted('typist', '10.2.0.1')).toBe(false);
  });

  it('doubles the wait each time one name and address use up their budget again, up to the longest wait', async () => {
    const hex = (v: string) => Buffer.from(v).toString('hex');
    const pairKey = `${prefix}:login-fail:as:${hex('patient\u0000192.0.2.9')}`;
    // Only the (name, address) budget in play here: the looser ones set high.
    const patientThrottle = createSignInThrottle({ redis, prefix, hasher: hex, limits: { ...limits, perSource: 100, perAccountFromNewSources: 100 } });
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      while ((await patientThrottle.reserve('patient', '192.0.2.9')).ok);
      const refused = await patientThrottle.reserve('patient', '192.0.2.9');
      waits.push(refused.ok ? 0 : refused.retryAfterSeconds);
      await redis.del(pairKey); // the wait has passed
    }
    expect(waits.map((w) => Math.round(w / 10) * 10)).toEqual([60, 120, 240, 300]);
  });

  it('keeps neither names nor addresses in Redis in the clear', async () => {
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.join(' ')).not.toMatch(/oncall|typist|10\.2\.0\.1/);
  });
});
