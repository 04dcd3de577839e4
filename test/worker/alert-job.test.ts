import { acknowledgeAlert } from '../../src/alerts/acknowledge-alert';
import { AlertModel } from '../../src/db/models/alert.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { ReportModel } from '../../src/db/models/report.model';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { enqueue } from '../../src/queue/queues';
import { replyToReporter } from '../../src/reports/reply-to-reporter';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { storeReceivedReport } from '../factories/report';
import { expectEventually } from '../support/expect-eventually';
import { useWorkersWithFakeTelegram } from '../support/worker-harness';

const ON_CALL = 7001;
const KEPALA_SEKSI = 7002;
const KOORDINATOR = 7003;

describe('on-call alerts through the fake Telegram Bot API', () => {
  // Escalation after 0.6 s instead of 10 minutes.
  const w = useWorkersWithFakeTelegram('alertjob', {
    env: { ALERT_ESCALATE_MINUTES: '0.01' },
    onCall: [['petugas_on_call', 'u-oncall', ON_CALL], ['kepala_seksi_data', 'u-kasi', KEPALA_SEKSI], ['koordinator', 'u-koor', KOORDINATOR]],
  });
  beforeAll(() => Promise.all([ReportModel.init(), AlertModel.init(), OnCallShiftModel.init()]));

  async function triageP1(text = 'tolong anak sy diperkosa tetangga') {
    const report = await storeReceivedReport(w.harness.config, {
      text, category: 'kekerasan_seksual', childAge: 7, kecamatan: 'Kota Mukomuko', childName: 'Siti Aminah',
    });
    await enqueue(w.harness.queues, 'triage', { reportId: report.id });
    return report;
  }
  const textsMentioning = (chatId: number, ticket: string) => w.telegram.textsTo(chatId).filter((t) => t.includes(ticket));

  it('sends one alert to the on-call worker with only ticket, priority, kecamatan, category and link, then escalates', async () => {
    const report = await triageP1();
    const [text] = await expectEventually(() => {
      const texts = textsMentioning(ON_CALL, report.ticket);
      expect(texts).toHaveLength(1);
      return texts;
    });
    const alert = await AlertModel.findOne({ reportId: report._id, level: 0 }).lean();
    expect(text).toContain('Prioritas: P1 · darurat');
    expect(text).toContain('Kecamatan: Kota Mukomuko');
    // Words the on-call worker reads on a phone, not the stored code.
    expect(text).toContain('Kategori: Kekerasan seksual');
    expect(text).not.toContain('kekerasan_seksual');
    expect(text).toContain(`${w.harness.config.admin.baseUrl}/reports/${report.id}?ack=${alert!._id}`);
    expect(text).not.toMatch(/Siti|Aminah|diperkosa|tetangga/i);

    // Nobody acknowledges: the Kepala Seksi Data is told, then the Koordinator.
    await expectEventually(() => expect(textsMentioning(KEPALA_SEKSI, report.ticket)).toHaveLength(1));
    await expectEventually(() => expect(textsMentioning(KOORDINATOR, report.ticket)).toHaveLength(1));
    expect(textsMentioning(KEPALA_SEKSI, report.ticket)[0]).toMatch(/ESKALASI/);
    // The message leaves before its alert is marked sent: wait for the mark.
    await expectEventually(async () => {
      const alerts = await AlertModel.find({ reportId: report._id }).sort({ level: 1 }).lean();
      expect(alerts.map((a) => [a.level, a.recipientRole, a.status])).toEqual([
        [0, 'petugas_on_call', 'sent'], [1, 'kepala_seksi_data', 'sent'], [2, 'koordinator', 'sent'],
      ]);
    });
    expect(textsMentioning(ON_CALL, report.ticket)).toHaveLength(1);
  });

  it('a retried alert job does not send the alert twice', async () => {
    const report = await triageP1('anak sy mau bunuh diri');
    await expectEventually(() => expect(textsMentioning(ON_CALL, report.ticket)).toHaveLength(1));
    // The alert job runs again (as after a crash, or its job id expired): it finds the alert it made.
    const job = await w.harness.queues.alerts!.getJob(`alert-report-${report.id}`);
    await job!.remove();
    await enqueue(w.harness.queues, 'alert', { kind: 'report', reportId: report.id });
    await expectEventually(async () => expect(await (await w.harness.queues.alerts!.getJob(`alert-report-${report.id}`))?.getState()).toBe('completed'));
    expect(await AlertModel.countDocuments({ reportId: report._id, level: 0 })).toBe(1);
    expect(textsMentioning(ON_CALL, report.ticket)).toHaveLength(1);
  });

});

describe('an acknowledged alert', () => {
  const w = useWorkersWithFakeTelegram('alertack', {
    env: { ALERT_ESCALATE_MINUTES: '0.03' },
    onCall: [['petugas_on_call', 'u-oncall', ON_CALL], ['kepala_seksi_data', 'u-kasi', KEPALA_SEKSI]],
  });

  it('is not escalated', async () => {
    const report = await storeReceivedReport(w.harness.config, { text: 'anak dicabuli', category: 'kekerasan_seksual' });
    await enqueue(w.harness.queues, 'triage', { reportId: report.id });
    const alert = await expectEventually(async () => {
      const found = await AlertModel.findOne({ reportId: report._id, level: 0, status: 'sent' }).lean();
      expect(found).not.toBeNull();
      return found!;
    });
    expect(await acknowledgeAlert(alert._id.toHexString(), 'u-oncall')).toBe('acknowledged');
    expect(await acknowledgeAlert(alert._id.toHexString(), 'u-other')).toBe('already_acknowledged');

    const escalation = await w.harness.queues.alerts!.getJob(`escalate-${alert._id}`);
    await expectEventually(async () => expect(await escalation!.getState()).toBe('completed'), 10_000);
    expect((await w.harness.queues.alerts!.getJob(`escalate-${alert._id}`))!.returnvalue).toEqual({ outcome: 'acknowledged' });
    expect(w.telegram.textsTo(KEPALA_SEKSI)).toEqual([]);
    expect(await AlertModel.countDocuments({ reportId: report._id })).toBe(1);
  });
});

describe('delivery retries (only the on-call worker on the roster, no escalation during the test)', () => {
  const w = useWorkersWithFakeTelegram('alertretry', { onCall: [['petugas_on_call', 'u-oncall', ON_CALL]] });
  async function triageP1(text: string) {
    const report = await storeReceivedReport(w.harness.config, { text, category: 'penelantaran', childAge: 2 });
    await enqueue(w.harness.queues, 'triage', { reportId: report.id });
    return report;
  }
  const textsMentioning = (chatId: number, ticket: string) => w.telegram.textsTo(chatId).filter((t) => t.includes(ticket));
  const alertsSettled = () =>
    expectEventually(async () => {
      for (const queue of [w.harness.queues.outbound!, w.harness.queues.reports!]) {
        const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
      }
    });

  it('retries a send that failed twice and delivers it once', async () => {
    await alertsSettled();
    w.telegram.failNext('sendMessage', 500);
    w.telegram.failNext('sendMessage', 502);
    const report = await triageP1('balita umur 2 th ditinggal sendirian di rumah');
    await expectEventually(() => expect(textsMentioning(ON_CALL, report.ticket)).toHaveLength(3), 15_000);
    const alert = await expectEventually(async () => {
      const found = await AlertModel.findOne({ reportId: report._id, level: 0 }).lean();
      expect(found?.status).toBe('sent');
      return found!;
    });
    const job = await w.harness.queues.outbound!.getJob(`outbound-${alert._id}`);
    expect(job!.attemptsMade).toBe(3);
    expect(await job!.getState()).toBe('completed');
  });

  it('sends a burst of alerts for one person together, each once, never two messages to the chat within a second', async () => {
    await alertsSettled();
    const started = Date.now();
    const reports = await Promise.all(Array.from({ length: 12 }, (_, i) => triageP1(`balita ${i} ditinggal sendirian di rumah`)));
    await expectEventually(() => {
      for (const r of reports) expect(textsMentioning(ON_CALL, r.ticket)).toHaveLength(1);
    }, 15_000);
    const calls = w.telegram.calls('sendMessage').filter((c) => c.at >= started && String(c.params.chat_id) === String(ON_CALL));
    expect(calls.length).toBeLessThan(12);
    expect(calls.some((c) => /^LAPOR ANAK: \d+ peringatan sekaligus/.test(String(c.params.text)))).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    await expectEventually(async () => {
      expect(await AlertModel.countDocuments({ reportId: { $in: reports.map((r) => r._id) }, status: 'sent' })).toBe(12);
    });
  });

  it('an alert does not wait behind a batch of staff replies in the same queue', async () => {
    await alertsSettled();
    const cipher = createFieldCipher(w.harness.config.crypto);
    const staff = { id: 'u-resepsionis', name: 'resepsionis', role: 'penerima_pengaduan' } as const;
    const chats = Array.from({ length: 100 }, (_, i) => 8_800_000 + i);
    const reports = await Promise.all(chats.map(() => storeReceivedReport(w.harness.config, { category: 'pendidikan' })));
    await Promise.all(reports.map((r, i) =>
      ReportModel.updateOne({ _id: r._id }, { $set: { anonymous: false, replyAddress: cipher.encrypt(String(chats[i]), fieldOf(BOUND.reports, r._id, 'replyAddress')) } })));
    // Sending paused while 100 replies and then an alert are queued: what leaves first once it resumes?
    const outbound = w.harness.queues.outbound!;
    await outbound.pause();
    for (const r of reports) await replyToReporter(r.id, 'Laporan Anda sedang kami tindak lanjuti.', staff, cipher, w.harness.queues);
    const urgent = await triageP1('balita ditinggal sendirian, menangis terus');
    const alert = await expectEventually(async () => {
      const found = await AlertModel.findOne({ reportId: urgent._id, level: 0 }).lean();
      expect(await outbound.getJob(`outbound-${found?._id}`)).toBeDefined();
      return found!;
    });
    const resumedAt = Date.now();
    await outbound.resume();

    await expectEventually(() => expect(textsMentioning(ON_CALL, urgent.ticket)).toHaveLength(1), 15_000);
    const sends = w.telegram.calls('sendMessage').filter((c) => c.at >= resumedAt);
    const alertIndex = sends.findIndex((c) => String(c.params.text).includes(String(alert._id)));
    // In arrival order it would be the 101st; ahead of the replies it is among the first the workers pick up.
    expect(alertIndex).toBeGreaterThanOrEqual(0);
    expect(alertIndex).toBeLessThan(10);
    await alertsSettled();
  }, 120_000); // 100 reports and 100 replies stored first: slow on a loaded machine, and no timing is asserted

  it('waits when Telegram answers 429 and then sends', async () => {
    await alertsSettled();
    w.telegram.failNext('sendMessage', 429, 1);
    const report = await triageP1('ada bayi dibuang di depan masjid');
    const alert = await expectEventually(async () => {
      const found = await AlertModel.findOne({ reportId: report._id, level: 0 }).lean();
      expect(found?.status).toBe('sent');
      return found!;
    });
    const calls = w.telegram.calls('sendMessage').filter((c) => String(c.params.text).includes(report.ticket) && String(c.params.chat_id) === String(ON_CALL));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(alert.sentAt).toBeDefined();
  });
});
