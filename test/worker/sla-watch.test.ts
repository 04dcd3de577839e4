import { ReportModel } from '../../src/db/models/report.model';
import { enqueue } from '../../src/queue/queues';
import { putOnCall, storeReceivedReport } from '../factories/report';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { startTestWorkers } from '../support/worker-harness';

const KEPALA_SEKSI = 8002;
const HOUR = 3600_000;

describe('the SLA watch', () => {
  const db = useTestDatabase('slawatch');
  let telegram: FakeTelegram;
  let harness: Awaited<ReturnType<typeof startTestWorkers>>;
  beforeAll(async () => {
    telegram = await startFakeTelegram();
    harness = await startTestWorkers('slawatch', db.uri, { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });
    await putOnCall(harness.config, 'kepala_seksi_data', 'u-kasi', KEPALA_SEKSI);
  });
  afterAll(async () => {
    await harness.stop();
    await telegram.close();
  });

  async function queuedReport(receivedHoursAgo: number, text: string) {
    const report = await storeReceivedReport(harness.config, { text, receivedAt: new Date(Date.now() - receivedHoursAgo * HOUR) });
    await enqueue(harness.queues, 'triage', { reportId: report.id });
    await expectEventually(async () => expect((await ReportModel.findById(report._id).lean())?.status).toBe('queued'));
    return report;
  }
  const runWatch = async () => {
    const before = (await harness.queues.maintenance!.getCompletedCount());
    await enqueue(harness.queues, 'sla-watch', {});
    await expectEventually(async () => expect(await harness.queues.maintenance!.getCompletedCount()).toBeGreaterThan(before));
  };

  it('is a job scheduler on Jakarta time', async () => {
    const scheduler = await harness.queues.maintenance!.getJobScheduler('sla-watch');
    expect(scheduler).toMatchObject({ pattern: '*/5 * * * *', tz: 'Asia/Jakarta' });
  });

  it('flags reports near and past their SLA and tells the Kepala Seksi Data once', async () => {
    const breached = await queuedReport(30, 'anak dipukul bapaknya setiap hari'); // P2, 24 h SLA: past
    const near = await queuedReport(60, 'anak dipukul temannya di sekolah'); // P3, 72 h SLA: 12 h left
    const fine = await queuedReport(1, 'mau tanya akta kelahiran'); // P4, 7 days

    await runWatch();
    const texts = await expectEventually(() => {
      const sent = telegram.textsTo(KEPALA_SEKSI);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(texts[0]).toContain(`${breached.ticket} P2 LEWAT`);
    expect(texts[0]).toContain(`${near.ticket} P3 mendekati`);
    expect(texts[0]).not.toContain(fine.ticket);
    expect((await ReportModel.findById(breached._id).lean())!.slaFlag).toBe('breached');
    expect((await ReportModel.findById(near._id).lean())!.slaFlag).toBe('near');
    expect((await ReportModel.findById(fine._id).lean())!.slaFlag).toBeUndefined();

    await runWatch(); // nothing changed: nobody is told again
    expect(telegram.textsTo(KEPALA_SEKSI)).toHaveLength(1);
  });
});
