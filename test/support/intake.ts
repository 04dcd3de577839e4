import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createFieldCipher, createLookupHasher } from '../../src/crypto/field-cipher';
import { createIntakeHandler, type IntakeDeps } from '../../src/intake/handle-inbound-message';
import { createLogger } from '../../src/logger';
import { createQueues } from '../../src/queue/queues';
import { createRedis } from '../../src/redis';
import { createFolderMediaStore } from '../../src/reports/media-store';
import { TEST_REDIS_URL, uniquePrefix } from './redis';

/**
 * Everything the intake handler needs, real: Redis, queues, a media folder of its own, the configured district.
 * `newHandler()` builds a fresh handler on the same stores, as a restarted bots process would.
 */
export function createIntakeHarness(label: string, env: Record<string, string> = {}) {
  const prefix = uniquePrefix(label);
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), `lapor-media-${label}-`));
  const config = loadConfig({ ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, MEDIA_DIR: mediaDir, DISTRICT_ONCALL_PHONE: '0737-123-456',
    // A test drives a whole report within a second; the rate limit has its own test.
    INTAKE_MESSAGES_PER_MINUTE: '1000', ...env });
  const redis = createRedis(config.redis.url);
  const queueConnection = createRedis(config.redis.url, { forBullWorker: true });
  const queues = createQueues(queueConnection, prefix, ['reports', 'alerts']);
  const cipher = createFieldCipher(config.crypto);
  const hasher = createLookupHasher(config.crypto.lookupHashKey);
  const mediaStore = createFolderMediaStore(config.media.dir, cipher);
  const logger = createLogger('test', process.env.TEST_LOG ?? 'silent');
  const deps = (over: Partial<IntakeDeps> = {}): IntakeDeps => ({
    redis, cipher, hasher, queues, district: config.district, config, logger, mediaStore, ...over,
  });
  return {
    prefix, config, redis, queues, cipher, hasher, mediaStore, mediaDir, deps,
    newHandler: (over: Partial<IntakeDeps> = {}) => createIntakeHandler(deps(over)),
    async close() {
      for (const q of Object.values(queues)) {
        await q?.obliterate({ force: true }).catch(() => undefined);
        await q?.close();
      }
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      queueConnection.disconnect();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
