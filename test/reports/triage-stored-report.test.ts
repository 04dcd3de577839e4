import type { Redis } from 'ioredis';
import { loadConfig } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { ReportModel } from '../../src/db/models/report.model';
import { createRedis } from '../../src/redis';
import { appendReportEvent } from '../../src/reports/report-transition';
import { triageStoredReport } from '../../src/reports/triage-stored-report';
import { storeReceivedReport } from '../factories/report';
import { useTestDatabase } from '../support/database';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';

describe('triage of a stored report, with another writer on the same report', () => {
  useTestDatabase('triagestored');
  const config = loadConfig({ ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniquePrefix('triagestored') });
  const cipher = createFieldCipher(config.crypto);
  let redis: Redis;
  beforeAll(async () => {
    await ReportModel.init();
    redis = createRedis(config.redis.url);
  });
  afterAll(() => redis.disconnect());

  /** The duplicate look-up runs between triage's read and its write: `meanwhile` runs there, once, like a race. */
  const racingIndex = (meanwhile: () => Promise<unknown>) => {
    let raced = false;
    const multi = () => {
      const tx = redis.multi();
      const exec = tx.exec.bind(tx);
      tx.exec = (async () => {
        if (!raced) {
          raced = true;
          await meanwhile();
        }
        return exec();
      }) as typeof tx.exec;
      return tx;
    };
    return { redis: new Proxy(redis, { get: (r, key) => (key === 'multi' ? multi : Reflect.get(r, key)) }), prefix: config.redis.prefix };
  };

  it('still routes the report when a message after filing took the revision it read', async () => {
    const report = await storeReceivedReport(config, {
      text: 'anak tetangga tiap hari dipukulin bapaknya sekarang', category: 'kekerasan_fisik', childAge: 8,
    });
    const alerts: string[] = [];
    const outcome = await triageStoredReport(report.id, {
      cipher,
      duplicates: racingIndex(() => appendReportEvent(report._id, { type: 'reporter_message', actor: 'reporter', at: new Date() })),
      requestAlert: async (id) => void alerts.push(id),
    });

    const stored = await ReportModel.findById(report._id).lean();
    expect(stored!.status).toBe('queued');
    expect(outcome).toMatchObject({ outcome: 'queued', priority: stored!.priority });
    // Both writers' changes are kept: the reporter's message on the timeline, then the two status steps.
    expect(stored!.events.map((e) => (e.type === 'status' ? `${e.from}→${e.to}` : e.type))).toEqual(
      ['reporter_message', 'received→triaged', 'triaged→queued'],
    );
    expect(stored!.revision).toBe(2);
    expect(alerts).toEqual(stored!.priority === 'P1' ? [report.id] : []);
  });

  it('writes nothing when another triage routed the report in between, and still asks for a P1 alert', async () => {
    const report = await storeReceivedReport(config, {
      text: 'anak dipukul bapaknya sekarang, berdarah, tolong cepat', category: 'kekerasan_fisik', childAge: 5, immediateDanger: 'yes',
    });
    const deps = { cipher, duplicates: { redis, prefix: config.redis.prefix }, requestAlert: async () => undefined };
    const alerts: string[] = [];
    const outcome = await triageStoredReport(report.id, {
      ...deps,
      duplicates: racingIndex(() => triageStoredReport(report.id, deps)),
      requestAlert: async (id) => void alerts.push(id),
    });

    const stored = await ReportModel.findById(report._id).lean();
    expect(outcome).toMatchObject({ outcome: 'already_routed', priority: 'P1' });
    expect(stored!.events.filter((e) => e.to === 'queued')).toHaveLength(1);
    expect(stored!.revision).toBe(1);
    expect(alerts).toEqual([report.id]);
  });
});
