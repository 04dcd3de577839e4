import { AlertModel } from '../../src/db/models/alert.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { enqueue } from '../../src/queue/queues';
import { listFailedJobs } from '../../src/queue/list-failed-jobs';
import { computeStatistics } from '../../src/reports/statistics';
import { storeReceivedReport } from '../factories/report';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { expectEventually } from '../support/expect-eventually';
import { freePort, startProcess, type Running } from '../support/processes';
import { useWorkersWithFakeTelegram } from '../support/worker-harness';

const KEPALA_SEKSI_CHAT = 7001;

/** A report written under a data key this deployment no longer has (a key lost, or a restore from elsewhere). */
async function storeUnderAnotherKey(config: Parameters<typeof storeReceivedReport>[0], text: string) {
  const otherKeys = { ...config.crypto, activeKeyId: 'lain', keys: new Map([['lain', Buffer.alloc(32, 3)]]) };
  return storeReceivedReport({ ...config, crypto: otherKeys }, { text, category: 'kekerasan_fisik', kecamatan: 'Ipuh' });
}

describe('a report automatic triage cannot read', () => {
  const setup = useWorkersWithFakeTelegram('manualtriage', {
    env: { SWEEP_AFTER_SECONDS: '1' },
    onCall: [['kepala_seksi_data', 'kasi-data', KEPALA_SEKSI_CHAT]],
  });
  let admin: RunningAdmin;
  let report: Awaited<ReturnType<typeof storeUnderAnotherKey>>;
  const description = 'Budi dipukuli ayahnya setiap malam';

  beforeAll(async () => {
    await Promise.all([ReportModel.init(), AlertModel.init(), UserModel.init()]);
    admin = await startAdminApp('manualtriage', setup.harness.config.mongo.uri);
    await makeUser('penerima_pengaduan', 'resepsionis');
    report = await storeUnderAnotherKey(setup.harness.config, description);
    // The real triage processor, with two attempts a moment apart instead of five over fifteen seconds.
    await setup.harness.queues.reports!.add('triage', { reportId: report.id }, {
      jobId: `triage-${report.id}`, attempts: 2, backoff: { type: 'fixed', delay: 100 },
    });
  });
  afterAll(() => admin?.close());

  const queuedReport = () => expectEventually(async () => {
    const found = await ReportModel.findById(report._id).lean();
    expect(found?.status).toBe('queued');
    return found!;
  }, 20_000);

  it('enters the intake queue as "perlu triase manual", P2, with the reason, both steps recorded', async () => {
    const queued = await queuedReport();
    expect(queued.priority).toBe('P2');
    expect(queued.needsManualTriage).toBe(true);
    expect(queued.triageReasons).toEqual(['triase otomatis gagal: isi laporan tidak dapat dibuka dengan kunci data yang terpasang']);
    expect(queued.slaDueAt!.getTime() - queued.receivedAt.getTime()).toBe(24 * 3600_000);
    expect(queued.events.map((e) => [e.from, e.to, e.actor])).toEqual([['received', 'triaged', 'system'], ['triaged', 'queued', 'system']]);
    expect(queued.events[0]!.reason).toMatch(/^perlu triase manual: triase otomatis gagal/);
  });

  it('is shown to receptionists in GET /api/intake and on the /intake page', async () => {
    await queuedReport();
    const client = new AdminClient(admin.baseUrl);
    expect((await client.json('POST', '/api/session', { username: 'resepsionis', password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
    const { json } = await client.get('/api/intake');
    expect(json.items.find((i: { ticket: string }) => i.ticket === report.ticket)).toMatchObject({
      priority: 'P2', status: 'queued', needsManualTriage: true,
      triageReasons: [expect.stringMatching(/^triase otomatis gagal: /)],
    });
    const page = await client.get('/intake');
    const row = page.text.slice(page.text.indexOf(`data-ticket="${report.ticket}"`));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/P2[\s\S]*perlu triase manual[\s\S]*triase otomatis gagal: isi laporan tidak dapat dibuka/);
    const reportPage = await client.get(`/reports/${report.id}`);
    expect(reportPage.status).toBe(200);
    expect(reportPage.text).toMatch(/perlu triase manual[\s\S]*triase otomatis gagal/);
  });

  it('tells the Kepala Seksi Data by Telegram: ticket and reason, no personal data', async () => {
    await queuedReport();
    const alert = await AlertModel.findOne({ reportId: report._id, recipientRole: 'kepala_seksi_data' }).lean();
    expect(alert).toMatchObject({ recipientUserId: 'kasi-data' });
    const text = await expectEventually(() => {
      const texts = setup.telegram.textsTo(KEPALA_SEKSI_CHAT);
      expect(texts.join('\n')).toContain(report.ticket);
      return texts.join('\n');
    });
    expect(text).toMatch(/perlu triase manual/);
    expect(text).toMatch(/triase otomatis gagal/);
    expect(text).not.toMatch(/Budi|dipukuli|enc:v/);
  });

  it('counts as P2 on the dashboard, not as an unknown priority', async () => {
    await queuedReport();
    const stats = await computeStatistics({ from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) });
    expect(stats.byPriority).toEqual({ P2: 1 });
  });

  it('keeps the failed job, with its technical reason, and the sweeper leaves the report where it is', async () => {
    const before = await queuedReport();
    const failed = await expectEventually(async () => {
      const job = (await listFailedJobs(setup.harness.queues)).find((j) => j.id === `triage-${report.id}`);
      expect(job).toBeDefined();
      return job!;
    });
    expect(failed.reason).toMatch(/cannot be decrypted/);
    expect(failed.reason).not.toContain(description);

    const sweep = await setup.harness.queues.maintenance!.add('sweep', {});
    await expectEventually(async () => expect(await sweep.getState()).toBe('completed'));
    const after = (await ReportModel.findById(report._id).lean())!;
    expect(after.events).toHaveLength(before.events.length);
    expect(await AlertModel.countDocuments({ reportId: report._id })).toBe(1);
  });

  /** As after a worker that died too often on a report's job: failed for good, the report still `received`. */
  async function failedForGoodWithoutManualTriage(stored: { id: string; _id: unknown }) {
    // The job id is the report's, the payload another's: the processor never reaches this report.
    const job = await setup.harness.queues.reports!.add('triage', { reportId: 'f'.repeat(24) }, { jobId: `triage-${stored.id}`, attempts: 1 });
    await expectEventually(async () => expect(await job.getState()).toBe('failed'));
    await ReportModel.updateOne({ _id: stored._id }, { $set: { receivedAt: new Date(Date.now() - 60_000) } });
    await enqueue(setup.harness.queues, 'sweep', {});
    return expectEventually(async () => {
      const found = await ReportModel.findById(stored._id).lean();
      expect(found?.status).toBe('queued');
      return found!;
    });
  }

  it('the sweeper sends an unreadable report whose job failed without reaching manual triage', async () => {
    const swept = await failedForGoodWithoutManualTriage(await storeUnderAnotherKey(setup.harness.config, 'tidak terbaca'));
    expect(swept).toMatchObject({ priority: 'P2', needsManualTriage: true });
    expect(swept.triageReasons).toEqual(['triase otomatis gagal: isi laporan tidak dapat dibuka dengan kunci data yang terpasang']);
  });

  it('the sweeper triages a readable report whose job failed (the cause has passed) with its own priority', async () => {
    const readable = await storeReceivedReport(setup.harness.config, { text: 'anak sy diperkosa', category: 'kekerasan_seksual' });
    const swept = await failedForGoodWithoutManualTriage(readable);
    expect(swept.priority).toBe('P1');
    expect(swept.needsManualTriage).toBeUndefined();
  });

  describe("the real worker's /readyz", () => {
    let worker: Running | undefined;
    afterAll(async () => {
      worker?.child.kill('SIGTERM');
      await worker?.exited;
    });

    it('shows the triage failures and stays ready', async () => {
      await queuedReport();
      const port = await freePort();
      const { config } = setup.harness;
      worker = startProcess('worker/main.ts', { WORKER_PORT: String(port), MONGODB_URI: config.mongo.uri, REDIS_PREFIX: config.redis.prefix });
      const body = await expectEventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(res.status).toBe(200);
        const json = await res.json();
        expect(json.triageFailures).toBeDefined();
        return json;
      }, 30_000, 250);
      expect(body).toMatchObject({ ready: true, triageFailures: { sentToManualTriage: 2, failedJobs: 3 } });
    }, 40_000);
  });
});
