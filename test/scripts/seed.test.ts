import { spawn } from 'node:child_process';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { ROOT } from '../support/processes';

// The demo accounts the first `npm start` prints, tried as the person reading that terminal would.
const db = useTestDatabase('seed');
let admin: RunningAdmin;

function runSeed(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      cwd: ROOT, env: { ...process.env, MONGODB_URI: db.uri }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  admin = await startAdminApp('seed', db.uri);
});
afterAll(async () => {
  await admin.close();
});

describe('demo accounts of the first npm start', () => {
  it('are printed once, and each must choose its own password at first sign-in', async () => {
    const first = await runSeed();
    expect(first.code).toBe(0);
    const accounts = [...first.out.matchAll(/^\s+(demo\.\S+)\s+(\S+)\s+\((\w+)\)$/gm)].map(([, username, password, role]) => ({ username: username!, password: password!, role: role! }));
    expect(accounts.map((a) => a.role)).toContain('penerima_pengaduan');
    expect(first.out).toMatch(/must choose its own password at first sign-in/);

    const second = await runSeed();
    expect(second.code).toBe(0);
    expect(second.out).not.toMatch(/demo\./);

    const receptionist = accounts.find((a) => a.role === 'penerima_pengaduan')!;
    const browser = new AdminClient(admin.baseUrl);
    const signedIn = await browser.signIn(receptionist.username, receptionist.password);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/password');
    // The queue is not open to them until they have chosen a password of their own.
    const queue = await browser.get('/intake');
    expect(queue.status).toBe(303);
    expect(queue.location).toMatch(/^\/password/);
  });
});
