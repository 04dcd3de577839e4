import { ExclusiveSlotModel, takeExclusiveSlot } from '../../src/db/models/exclusive-slot.model';
import { ReportModel } from '../../src/db/models/report.model';
import { enqueue } from '../../src/queue/queues';
import { listFailedJobs } from '../../src/queue/list-failed-jobs';
import { TRIAGE_VERSION } from '../../src/triage/triage-report';
import { createRedis } from '../../src/redis';
import { startHealthServer } from '../../src/runtime/health-server';
import { freePort } from '../support/processes';
import { TEST_REDIS_URL } from '../support/redis';
import { storeReceivedReport } from '../factories/report';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { startTestWorkers } from '../support/worker-harness';

describe('the triage job on real Redis and FerretDB', () => {
  const db = useTestDatabase('triagejob');
  let harness: Awaited<ReturnType<typeof startTestWorkers>>;
  beforeAll(async () => {
    await ReportModel.init();
    harness = await startTestWorkers('triagejob', db.uri, { SWEEP_AFTER_SECONDS: '1' });
  });
  afterAll(() => harness.stop());

  const queued = (id: unknown) =>
    expectEventually(async () => {
      const report = await ReportModel.findById(id).lean();
      expect(report?.status).toBe('queued');
      return report!;
    });

  it('takes a report from received through triaged to queued, with priority, reasons, version and SLA', async () => {
    const stored = await storeReceivedReport(harness.config, {
      text: 'anak tetangga tiap hari dipukulin bapaknya, badannya biru2', category: 'kekerasan_fisik', childAge: 8,
    });
    await enqueue(harness.queues, 'triage', { reportId: stored.id });
    await enqueue(harness.queues, 'triage', { reportId: stored.id }); // queued twice, triaged once

    const report = await queued(stored._id);
    expect(report.priority).toBe('P2');
    expect(report.triageReasons).toEqual(expect.arrayContaining(['kekerasan yang berulang atau masih berlangsung']));
    expect(report.triageVersion).toBe(TRIAGE_VERSION);
    expect(report.slaDueAt!.getTime() - report.receivedAt.getTime()).toBe(24 * 3600_000);
    expect(report.events.map((e) => [e.from, e.to, e.actor])).toEqual([
      ['received', 'triaged', 'system'],
      ['triaged', 'queued', 'system'],
    ]);
  });

  it('links a new report to possible duplicates (same reporter, or same child and place) and keeps both', async () => {
    const first = await storeReceivedReport(harness.config, { text: 'anak sy dibully', category: 'perundungan', reporterHash: 'same-reporter', childAge: 10 });
    await enqueue(harness.queues, 'triage', { reportId: first.id });
    await queued(first._id);
    const sameReporter = await storeReceivedReport(harness.config, { text: 'lapor lagi soal bully', category: 'perundungan', reporterHash: 'same-reporter' });
    const sameChild = await storeReceivedReport(harness.config, { text: 'anak dibully di sekolah', category: 'perundungan', childAge: 11, kecamatan: 'Ipuh' });
    const otherPlace = await storeReceivedReport(harness.config, { text: 'anak dibully', category: 'perundungan', childAge: 11, kecamatan: 'Penarik' });
    for (const r of [sameReporter, sameChild, otherPlace]) await enqueue(harness.queues, 'triage', { reportId: r.id });

    const second = await queued(sameReporter._id);
    expect(second.possibleDuplicates.map(String)).toContain(first.id);
    expect((await queued(sameChild._id)).possibleDuplicates.map(String)).toContain(first.id);
    expect((await queued(otherPlace._id)).possibleDuplicates.map(String)).not.toContain(first.id);
    // The older report shows its later duplicates through the reverse query, and stays in the queue.
    const later = await ReportModel.find({ possibleDuplicates: first._id }, { _id: 1 }).lean();
    expect(later.map((r) => String(r._id)).sort()).toEqual([sameReporter.id, sameChild.id].sort());
    expect((await ReportModel.findById(first._id).lean())!.status).toBe('queued');
  });

  it('the sweeper re-queues a report whose triage job was lost', async () => {
    // Written, then Redis lost the job (or the process died before enqueueing): only the database knows.
    const lost = await storeReceivedReport(harness.config, { text: 'anak sy diperkosa', receivedAt: new Date(Date.now() - 120_000) });
    await enqueue(harness.queues, 'sweep', {});
    const report = await queued(lost._id);
    expect(report.priority).toBe('P1');
  });

  it('the sweeper deletes the slots of contested writes older than an hour, and only those', async () => {
    await takeExclusiveSlot('report:sweep-old:0', {}, new Date(Date.now() - 2 * 3600_000));
    await takeExclusiveSlot('report:sweep-fresh:0');
    await enqueue(harness.queues, 'sweep', {});
    await expectEventually(async () => expect(await ExclusiveSlotModel.exists({ _id: 'report:sweep-old:0' })).toBeNull());
    expect(await ExclusiveSlotModel.exists({ _id: 'report:sweep-fresh:0' })).not.toBeNull();
  });

  it('a job that can never succeed ends failed, with its reason, in the failed-jobs list', async () => {
    const missing = 'a'.repeat(24);
    await enqueue(harness.queues, 'triage', { reportId: missing });
    const failed = await expectEventually(async () => {
      const list = await listFailedJobs(harness.queues);
      const job = list.find((j) => j.id === `triage-${missing}`);
      expect(job).toBeDefined();
      return job!;
    });
    expect(failed).toMatchObject({ queue: 'reports', name: 'triage', attemptsMade: 1, data: { reportId: missing } });
    expect(failed.reason).toMatch(/does not exist/);
  });

  it('serves queue depth, durations and failures on /metrics', async () => {
    const redis = createRedis(TEST_REDIS_URL);
    const port = await freePort();
    const server = await startHealthServer({ port, host: '127.0.0.1' }, redis, harness.metrics.route);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await response.text();
    server.close();
    redis.disconnect();
    expect(response.status).toBe(200);
    expect(text).toMatch(/lapor_queue_jobs\{queue="reports",state="failed"\} [1-9]/);
    expect(text).toMatch(/lapor_job_duration_seconds_count\{queue="reports",name="triage",result="completed"\} [1-9]/);
    expect(text).toMatch(/lapor_job_failures_total\{queue="reports",name="triage",final="true"\} 1/);
  });
});
