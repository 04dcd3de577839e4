import { ReportModel } from '../../src/db/models/report.model';
import { enqueue } from '../../src/queue/queues';
import { storeReceivedReport } from '../factories/report';
import { expectEventually } from '../support/expect-eventually';
import { useWorkersWithFakeTelegram } from '../support/worker-harness';

const KEPALA_SEKSI = 8002;
const HOUR = 3600_000;

describe('the SLA watch', () => {
  const w = useWorkersWithFakeTelegram('slawatch', { onCall: [['kepala_seksi_data', 'u-kasi', KEPALA_SEKSI]] });

  async function queuedReport(receivedHoursAgo: number, text: string) {
    const report = await storeReceivedReport(w.harness.config, { text, receivedAt: new Date(Date.now() - receivedHoursAgo * HOUR) });
    await enqueue(w.harness.queues, 'triage', { reportId: report.id });
    await expectEventually(async () => expect((await ReportModel.findById(report._id).lean())?.status).toBe('queued'));
    return report;
  }
  const runWatch = async () => {
    const before = (await w.harness.queues.maintenance!.getCompletedCount());
    await enqueue(w.harness.queues, 'sla-watch', {});
    await expectEventually(async () => expect(await w.harness.queues.maintenance!.getCompletedCount()).toBeGreaterThan(before));
  };

  it('is a job scheduler on Jakarta time', async () => {
    const scheduler = await w.harness.queues.maintenance!.getJobScheduler('sla-watch');
    expect(scheduler).toMatchObject({ pattern: '*/5 * * * *', tz: 'Asia/Jakarta' });
  });

  it('flags reports near and past their SLA and tells the Kepala Seksi Data once', async () => {
    const breached = await queuedReport(30, 'anak dipukul bapaknya setiap hari'); // P2, 24 h SLA: past
    const near = await queuedReport(60, 'anak sy dibully temannya'); // P3, 72 h SLA: 12 h left
    const fine = await queuedReport(1, 'mau tanya akta kelahiran'); // P4, 7 days

    await runWatch();
    const texts = await expectEventually(() => {
      const sent = w.telegram.textsTo(KEPALA_SEKSI);
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
    expect(w.telegram.textsTo(KEPALA_SEKSI)).toHaveLength(1);
  });
});
