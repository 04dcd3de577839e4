import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { UserModel } from '../../src/db/models/user.model';
import { SIGN_IN_LIMITS } from '../../src/users/sign-in-throttle';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { makeUser, TEST_PASSWORD } from '../factories/users';

// Issue 14, against a determined attacker. The app here trusts the loopback proxy (TRUST_PROXY), so each request's
// X-Forwarded-For is its source address, and one test can play many addresses.
const db = useTestDatabase('throttle');
let admin: RunningAdmin;

beforeAll(async () => {
  await Promise.all([UserModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('throttle', db.uri, {}, { TRUST_PROXY: 'loopback' });
});
afterAll(() => admin.close());

const signInFrom = (source: string, username: string, password: string) =>
  new AdminClient(admin.baseUrl).request('POST', '/api/session', {
    body: JSON.stringify({ username, password }),
    type: 'application/json',
    headers: { 'x-forwarded-for': source },
  });

async function inParallel(n: number, source: string, username: string): Promise<number[]> {
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => signInFrom(source, username, `wrong-guess-${i}`)));
  return answers.map((a) => a.status);
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('parallel guesses', () => {
  it.each([30, 100])('%i wrong passwords at once: only the budget is checked, and the right one then does not sign in', async (n) => {
    const username = `target.${n}`;
    await makeUser('petugas_on_call', username);
    const statuses = await inParallel(n, '203.0.113.10', username);
    expect(count(statuses, 401)).toBe(SIGN_IN_LIMITS.perAccountAndSource);
    expect(count(statuses, 429)).toBe(n - SIGN_IN_LIMITS.perAccountAndSource);
    const right = await signInFrom('203.0.113.10', username, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.json).toEqual({ error: 'throttled' });
  });
});

describe('what the answers tell a stranger', () => {
  it('a real name and a made-up one answer alike: the same statuses, in similar time', async () => {
    await makeUser('pekerja_sosial', 'real.worker');
    const timed = async (source: string, username: string) => {
      const statuses: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndSource + 2; i++) {
        const started = performance.now();
        const res = await signInFrom(source, username, `wrong-password-${i}`);
        times.push(performance.now() - started);
        statuses.push(res.status);
        expect(res.json).toEqual({ error: res.status === 401 ? 'bad_credentials' : 'throttled' });
      }
      const checked = times.slice(0, SIGN_IN_LIMITS.perAccountAndSource).sort((a, b) => a - b);
      return { statuses, median: checked[Math.floor(checked.length / 2)]! };
    };
    const real = await timed('198.51.100.20', 'real.worker');
    const madeUp = await timed('198.51.100.21', 'made.up.name');
    expect(madeUp.statuses).toEqual(real.statuses);
    expect(real.statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Both run one argon2id verification with the same parameters; a shared 2-core machine makes times noisy.
    expect(madeUp.median).toBeGreaterThan(real.median / 3);
    expect(madeUp.median).toBeLessThan(real.median * 3);
  });

  it('a stranger at another address does not keep a worker out: the worker signs in from their own address', async () => {
    await makeUser('petugas_on_call', 'on.call');
    expect(await inParallel(20, '192.0.2.66', 'on.call')).toContain(429);
    expect((await signInFrom('10.20.30.40', 'on.call', TEST_PASSWORD)).status).toBe(200);
  });

  it('a right password starts that address and name afresh, and is an audit event', async () => {
    const user = await makeUser('kepala_seksi_data', 'fumbler');
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndSource - 1; i++) expect((await signInFrom('10.1.1.1', 'fumbler', `typo-${i}`)).status).toBe(401);
    expect((await signInFrom('10.1.1.1', 'fumbler', TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndSource - 1; i++) expect((await signInFrom('10.1.1.1', 'fumbler', `typo-${i}`)).status).toBe(401);
    expect((await signInFrom('10.1.1.1', 'fumbler', TEST_PASSWORD)).status).toBe(200);
    expect(await AuditEventModel.countDocuments({ action: 'user.sign_in', actorId: user.id })).toBe(2);
  });
});

describe('changing the password', () => {
  it('takes only as many wrong "current password" guesses as a sign-in', async () => {
    await makeUser('pekerja_sosial', 'shared.pc');
    const client = new AdminClient(admin.baseUrl);
    const fromDesk = { 'x-forwarded-for': '10.5.5.5' };
    await client.request('POST', '/api/session', { body: JSON.stringify({ username: 'shared.pc', password: TEST_PASSWORD }), type: 'application/json', headers: fromDesk });
    await client.request('GET', '/password', { headers: fromDesk });
    const change = (current: string) => client.request('POST', '/password', {
      body: new URLSearchParams({ current, password: 'a-new-long-password', confirm: 'a-new-long-password', _csrf: client.csrf }).toString(),
      type: 'application/x-www-form-urlencoded',
      headers: fromDesk,
    });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndSource; i++) expect((await change(`not-it-${i}`)).status).toBe(400);
    const refused = await change(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Terlalu banyak percobaan');
    // The password did not change: the old one still signs in (from another address).
    expect((await signInFrom('10.5.5.6', 'shared.pc', TEST_PASSWORD)).status).toBe(200);
  });
});
