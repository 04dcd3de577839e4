import { spawn } from 'node:child_process';
import { Queue, Worker } from 'bullmq';
import { loadConfig } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { ALL_MODELS } from '../../src/db/all-models';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { ReportModel } from '../../src/db/models/report.model';
import { countOldFormValues } from '../../src/db/reencrypt-stored';
import { checkDataKeyCanary } from '../../src/runtime/data-key-canary';
import { putOnCall } from '../factories/report';
import { useTestDatabase } from '../support/database';
import { freePort, ROOT } from '../support/processes';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';
import { encryptV1 } from '../support/v1-cipher';

const WRONG_KEY = Buffer.alloc(32, 5).toString('base64');

describe('npm run -s cli -- doctor', () => {
  const db = useTestDatabase('doctor');
  const prefix = uniquePrefix('doctor');
  const config = loadConfig({ ...process.env, MONGODB_URI: db.uri });

  // The command as an operator runs it, against this file's database and Redis prefix.
  function doctor(env: Record<string, string> = {}, command = 'doctor'): Promise<{ code: number | null; lines: string[] }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'scripts/cli.ts', command], {
        cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, MONGODB_URI: db.uri, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, ...env },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, lines: out.split('\n').filter(Boolean) }));
    });
  }
  const failing = (lines: string[]) => lines.filter((l) => !l.startsWith('ok '));
  const ensureOnCall = async () => {
    if (!(await OnCallShiftModel.exists({ role: 'petugas_on_call' }))) await putOnCall(config, 'petugas_on_call', 'petugas-1', 9001);
  };

  beforeAll(async () => {
    // What a started process leaves behind: every index built, the canary written under the data key.
    await Promise.all(ALL_MODELS.map((model) => model.init()));
    await checkDataKeyCanary(createFieldCipher(config.crypto), { writeIfAbsent: true });
  });

  it('exits 0 with one "ok" line per check when all is well', async () => {
    await ensureOnCall();
    const { code, lines } = await doctor();
    expect(failing(lines)).toEqual([]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.slice(5).split('  ')[0])).toEqual([
      'settings', 'database', 'redis', 'data key', 'encrypted values', 'indexes', 'on-call roster', 'queues', 'failed jobs',
    ]);
    expect(lines.find((l) => l.startsWith('ok   data key'))).toMatch(/decrypts the canary written 20\d\d-/);
  }, 40_000);

  it('fails the data key check, and only it, with a key that cannot open the stored data', async () => {
    await ensureOnCall();
    const { code, lines } = await doctor({ DATA_ENCRYPTION_KEY: WRONG_KEY });
    expect(code).toBe(1);
    expect(failing(lines)).toEqual([
      expect.stringMatching(/^FAIL data key {2}DATA_ENCRYPTION_KEY cannot decrypt the data already stored \(canary written 20\d\d-.*\); check the key or DATA_ENCRYPTION_OLD_KEYS$/),
    ]);
    expect(lines.join('\n')).not.toContain(WRONG_KEY);
  }, 40_000);

  it('counts values still in the v1 form until `reencrypt` has bound them to their records', async () => {
    await ensureOnCall();
    const key = config.crypto.keys.get(config.crypto.activeKeyId)!;
    const { insertedId } = await ReportModel.collection.insertOne({
      ticket: 'ADU-OLD1-V1V1', channel: 'telegram', reporterHash: 'h', anonymous: true, category: 'lainnya', receivedAt: new Date(),
      description: encryptV1('ditulis sebelum v2', config.crypto.activeKeyId, key), child: { name: encryptV1('Sari', config.crypto.activeKeyId, key) },
    });
    try {
      const before = await doctor();
      expect(before.code).toBe(1);
      expect(failing(before.lines)).toEqual([
        'FAIL encrypted values  2 still in an old form (v1, or a retired key); run `npm run cli -- reencrypt`',
      ]);
      const migrated = await doctor({}, 'reencrypt');
      expect(migrated.code).toBe(0);
      expect(migrated.lines).toContain('reports: 2 rewritten, 0 already current, 0 unreadable, 0 changed meanwhile');
      // What the next doctor counts (one process start less under load).
      expect(await countOldFormValues(createFieldCipher(config.crypto))).toBe(0);
    } finally {
      await ReportModel.collection.deleteOne({ _id: insertedId });
    }
  }, 120_000);

  it('fails the on-call roster when nobody is on call now', async () => {
    await OnCallShiftModel.deleteMany({});
    const { code, lines } = await doctor();
    expect(code).toBe(1);
    expect(failing(lines)).toEqual([expect.stringMatching(/^FAIL on-call roster {2}nobody is on call now \(/)]);
  }, 40_000);

  it('does not crash when Redis is down: that check fails, the queue checks say they were skipped', async () => {
    await ensureOnCall();
    const closedPort = await freePort();
    const { code, lines } = await doctor({ REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    expect(code).toBe(1);
    expect(failing(lines)).toEqual([
      expect.stringMatching(/^FAIL redis {2}not reachable \(.*ECONNREFUSED/),
      'skip queues  skipped: Redis is not reachable',
      'skip failed jobs  skipped: Redis is not reachable',
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^ok {3}database /));
  }, 40_000);

  it('names a missing index and a failed job', async () => {
    await ensureOnCall();
    await OnCallShiftModel.collection.dropIndex('role_1_from_1_to_1');
    const reports = new Queue('reports', { connection: { url: TEST_REDIS_URL }, prefix });
    const worker = new Worker('reports', async () => { throw new Error('boom'); }, { connection: { url: TEST_REDIS_URL, maxRetriesPerRequest: null }, prefix });
    await reports.add('triage', { reportId: 'a'.repeat(24) }, { attempts: 1 });
    while ((await reports.getFailedCount()) === 0) await new Promise((r) => setTimeout(r, 50));
    await worker.close();
    try {
      const { code, lines } = await doctor();
      expect(code).toBe(1);
      expect(failing(lines)).toEqual([
        expect.stringMatching(/^FAIL indexes {2}1 missing: oncallshifts \{role: 1, from: 1, to: 1\}/),
        'FAIL failed jobs  1 failed for good (reports 1); see the queue board',
      ]);
    } finally {
      await reports.obliterate({ force: true });
      await reports.close();
      await OnCallShiftModel.syncIndexes();
    }
  }, 40_000);
});
