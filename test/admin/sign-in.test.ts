import { execFile } from 'node:child_process';
import path from 'node:path';
import { UserModel } from '../../src/db/models/user.model';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { ROOT } from '../support/processes';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const db = useTestDatabase('signin');
let admin: RunningAdmin;

beforeAll(async () => {
  await UserModel.init();
  admin = await startAdminApp('signin', db.uri);
});
afterAll(() => admin.close());

describe('signing in to the admin panel', () => {
  it('signs in with the right password, sets an httpOnly SameSite=lax cookie, and lands on the intake queue', async () => {
    await makeUser('penerima_pengaduan', 'rina');
    const res = await fetch(`${admin.baseUrl}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const login = await fetch(`${admin.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie.split(';')[0]!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'rina', password: TEST_PASSWORD, _csrf: csrf }).toString(),
    });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/intake');
    // A new session id at sign-in (no fixation).
    expect(login.headers.get('set-cookie')!.split(';')[0]).not.toBe(cookie.split(';')[0]);
  });

  it('marks the cookie Secure when the request came over TLS through a proxy named in TRUST_PROXY, and only then', async () => {
    const behindProxy = await startAdminApp('signin-proxy', db.uri, {}, { TRUST_PROXY: 'loopback' });
    try {
      const res = await fetch(`${behindProxy.baseUrl}/login`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    } finally {
      await behindProxy.close();
    }
    // By default nobody is trusted: a client's own X-Forwarded-Proto is ignored.
    const direct = await fetch(`${admin.baseUrl}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('refuses a wrong password with a calm message and no session', async () => {
    await makeUser('pekerja_sosial', 'budi');
    const client = new AdminClient(admin.baseUrl);
    const res = await client.signIn('budi', 'wrong-password-1');
    expect(res.status).toBe(401);
    expect(res.text).toContain('Nama pengguna atau kata sandi salah.');
    expect((await client.get('/password')).location).toMatch(/^\/login/);
  });

  it('rejects a sign-in form without the CSRF token', async () => {
    const client = new AdminClient(admin.baseUrl);
    await client.get('/login');
    const res = await client.postForm('/login', { username: 'rina', password: TEST_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
  });

  it('after five wrong passwords this address waits for this name, even with the right one, and says so calmly', async () => {
    await makeUser('petugas_input_data', 'sari');
    const client = new AdminClient(admin.baseUrl);
    for (let i = 0; i < 5; i++) expect((await client.signIn('sari', `wrong-password-${i}`)).status).toBe(401);
    const right = await client.signIn('sari', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.text).toContain('Terlalu banyak percobaan');
  });

  it('throttles repeated failures from one address for one name, without blocking colleagues at that address', async () => {
    await makeUser('petugas_on_call', 'tono');
    await makeUser('petugas_on_call', 'tini');
    const client = new AdminClient(admin.baseUrl);
    // A forged X-Forwarded-For is ignored (TRUST_PROXY names nobody here): every attempt comes from the same address.
    const attempt = (username: string, password: string, i: number) =>
      client.request('POST', '/api/session', { body: JSON.stringify({ username, password }), type: 'application/json', headers: { 'x-forwarded-for': `10.9.8.${i}` } });
    // Guesses at an unknown name fill its own budget only.
    for (let i = 0; i < 5; i++) expect((await attempt('nobody.here', `guess-number-${i}`, i)).status).toBe(401);
    const refused = await attempt('nobody.here', 'guess-number-x', 99);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ error: 'throttled' });
    expect((await attempt('tini', TEST_PASSWORD, 100)).status).toBe(200);
  });

  it('makes a first-login user change the password before anything else', async () => {
    await makeUser('koordinator', 'kord', true);
    const client = new AdminClient(admin.baseUrl);
    const login = await client.signIn('kord', TEST_PASSWORD);
    expect(login.location).toBe('/password');
    await client.get('/password');
    expect((await client.postForm('/logout-everywhere', {})).location).toBe('/password');
    const weak = await client.postForm('/password', { current: TEST_PASSWORD, password: 'short', confirm: 'short' });
    expect(weak.status).toBe(400);
    const changed = await client.postForm('/password', { current: TEST_PASSWORD, password: 'a-much-longer-one', confirm: 'a-much-longer-one' });
    expect(changed.status).toBe(303);
    expect((await client.get('/password')).status).toBe(200);
    const user = await UserModel.findOne({ username: 'kord' });
    expect(user!.mustChangePassword).toBe(false);
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('"sign out everywhere" ends the other sessions of the user too', async () => {
    await makeUser('kepala_seksi_pelayanan', 'kasi');
    const laptop = new AdminClient(admin.baseUrl);
    const phone = new AdminClient(admin.baseUrl);
    await laptop.signIn('kasi', TEST_PASSWORD);
    await phone.signIn('kasi', TEST_PASSWORD);
    expect((await phone.get('/password')).status).toBe(200);
    await laptop.get('/password');
    expect((await laptop.postForm('/logout-everywhere', {})).location).toBe('/login');
    expect((await phone.get('/password')).location).toMatch(/^\/login/);
  });

  it('switches the panel to English and back', async () => {
    const client = new AdminClient(admin.baseUrl);
    expect((await client.get('/login?lang=en')).text).toContain('Sign in');
    expect((await client.get('/login')).text).toContain('Sign in');
    expect((await client.get('/login?lang=id')).text).toContain('Masuk');
  });
});

describe('user administration', () => {
  it('an administrator creates an account with a one-time password, and deactivation ends its sessions', async () => {
    await makeUser('admin', 'root1');
    const root = new AdminClient(admin.baseUrl);
    await root.signIn('root1', TEST_PASSWORD);
    await root.get('/users');
    const created = await root.postForm('/users', { username: 'newbie', displayName: 'Staf Baru', role: 'pekerja_sosial' });
    const page = await root.get(created.location);
    const password = /Kata sandi sementara \(sekali tampil\): ([A-Za-z0-9_-]+)/.exec(page.text)![1]!;
    expect((await root.get('/users')).text).not.toContain(password);

    // A role that reads cases waits for a Koordinator (separation of duties): no sign-in until then.
    const newbie = new AdminClient(admin.baseUrl);
    expect((await newbie.signIn('newbie', password)).status).toBe(401);
    const user = await UserModel.findOne({ username: 'newbie' });
    await makeUser('koordinator', 'kord1');
    const kord = new AdminClient(admin.baseUrl);
    await kord.signIn('kord1', TEST_PASSWORD);
    await kord.get('/grants');
    expect((await kord.postForm(`/grants/${user!.id}/approve`, {})).location).toBe('/grants');
    expect((await newbie.signIn('newbie', password)).location).toBe('/password');
    await root.postForm(`/users/${user!.id}/active`, { active: 'no' });
    expect((await newbie.get('/password')).location).toMatch(/^\/login/);
    expect((await newbie.signIn('newbie', password)).status).toBe(401);
  });
});

describe('the user CLI', () => {
  const cli = (args: string[], input: string) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const child = execFile(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, MONGODB_URI: db.uri },
      }, (err, stdout, stderr) => resolve({ code: err ? (err as any).code ?? 1 : 0, out: stdout + stderr }));
      child.stdin!.end(input);
    });

  it('creates the first account with the password from stdin, then resets it', async () => {
    const created = await cli(['user:create', '--username', 'Admin1', '--role', 'admin', '--password-stdin'], 'first-password-123\n');
    expect(created).toEqual({ code: 0, out: expect.stringContaining('created admin1 (admin)') });
    const user = await UserModel.findOne({ username: 'admin1' });
    expect(user!.role).toBe('admin');
    expect(user!.mustChangePassword).toBe(true);

    const dup = await cli(['user:create', '--username', 'admin1', '--role', 'admin', '--password-stdin'], 'first-password-123');
    expect(dup.code).toBe(1);
    expect(dup.out).toContain('taken');
    const badRole = await cli(['user:create', '--username', 'x1x', '--role', 'boss', '--password-stdin'], 'first-password-123');
    expect(badRole.code).toBe(2);

    const reset = await cli(['user:reset-password', '--username', 'admin1', '--password-stdin'], 'second-password-456\n');
    expect(reset.code).toBe(0);
    const client = new AdminClient(admin.baseUrl);
    expect((await client.signIn('admin1', 'second-password-456')).location).toBe('/password');
  }, 60_000);
});
