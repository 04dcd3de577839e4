import { loadConfig } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { DATA_KEY_CANARY_ID, DataKeyCanaryModel } from '../../src/db/models/data-key-canary.model';
import { CANARY_BINDING } from '../../src/runtime/data-key-canary';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort, startProcess, type Running } from '../support/processes';
import { uniquePrefix } from '../support/redis';

const RIGHT_KEY = process.env.DATA_ENCRYPTION_KEY!;
const WRONG_KEY = Buffer.alloc(32, 5).toString('base64');
const ONE_LINE = /^DATA_ENCRYPTION_KEY cannot decrypt the data already stored \(canary written 20\d\d-\d\d-\d\dT[^)]* under key id k1\); check the key or DATA_ENCRYPTION_OLD_KEYS$/;

describe('the data-key canary', () => {
  const db = useTestDatabase('canary');
  const running: Running[] = [];
  afterAll(async () => {
    for (const proc of running) {
      if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });
  const start = (entry: string, env: Record<string, string>) => {
    const proc = startProcess(entry, { MONGODB_URI: db.uri, REDIS_PREFIX: uniquePrefix('canary'), TELEGRAM_BOT_TOKEN: '', ...env });
    running.push(proc);
    return proc;
  };

  it('is written under the data key at the first start of a process', async () => {
    const port = await freePort();
    start('worker/main.ts', { WORKER_PORT: String(port) });
    const canary = await expectEventually(async () => {
      const found = await DataKeyCanaryModel.findById(DATA_KEY_CANARY_ID).lean();
      expect(found).not.toBeNull();
      return found!;
    }, 30_000, 250);
    expect(canary.value).toMatch(/^enc:v2:k1:/);
    const cipher = createFieldCipher(loadConfig(process.env).crypto);
    expect(() => cipher.decrypt(canary.value, CANARY_BINDING)).not.toThrow();
  }, 40_000);

  it.each([
    ['worker/main.ts', 'WORKER_PORT'],
    ['admin/main.ts', 'PORT'],
    ['bots/main.ts', 'BOTS_PORT'],
  ])('stops %s with a wrong key: one clear line, exit code 1', async (entry, portVariable) => {
    await expectEventually(async () => expect(await DataKeyCanaryModel.exists({ _id: DATA_KEY_CANARY_ID })).toBeTruthy(), 30_000, 250);
    const proc = start(entry, { [portVariable]: String(await freePort()), DATA_ENCRYPTION_KEY: WRONG_KEY });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim().split('\n')).toEqual([expect.stringMatching(ONE_LINE)]);
    expect(proc.output()).not.toContain(WRONG_KEY);
  }, 40_000);

  it('lets a rotated deployment start: the new key active, the old one in DATA_ENCRYPTION_OLD_KEYS', async () => {
    const port = await freePort();
    const proc = start('admin/main.ts', {
      PORT: String(port), DATA_ENCRYPTION_KEY: WRONG_KEY, DATA_ENCRYPTION_KEY_ID: 'k2', DATA_ENCRYPTION_OLD_KEYS: `k1:${RIGHT_KEY}`, LOG_LEVEL: 'info',
    });
    await expectEventually(async () => expect(proc.output()).toContain('database connected'), 30_000, 250);
    expect(proc.child.exitCode).toBeNull();
  }, 40_000);
});
