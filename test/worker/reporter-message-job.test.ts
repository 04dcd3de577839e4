import { AlertModel } from '../../src/db/models/alert.model';
import { CaseModel } from '../../src/db/models/case.model';
import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { enqueue } from '../../src/queue/queues';
import { recordReporterMessage } from '../../src/reports/reporter-messages';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { makeReport, testCipher } from '../factories/reports';
import { makeUser } from '../factories/users';
import { expectEventually } from '../support/expect-eventually';
import { useWorkersWithFakeTelegram } from '../support/worker-harness';

// A reporter wrote after filing: who hears about it, and how often.
describe('the reporter_message job', () => {
  const w = useWorkersWithFakeTelegram('reportermsg', { env: { TELEGRAM_PER_CHAT_MS: '200' } });
  beforeAll(() => Promise.all([AlertModel.init(), UserModel.init(), CaseModel.init(), ReportModel.init()]));

  async function staffWithTelegram(role: 'penerima_pengaduan' | 'pekerja_sosial', username: string, chat: number) {
    const user = await makeUser(role, username);
    await UserModel.updateOne({ _id: user.id }, { $set: { telegramChatId: testCipher.encrypt(String(chat), fieldOf(BOUND.users, user.id, 'telegramChatId')) } });
    return user;
  }
  // Both messages of a burst inside one alert window, whatever the clock says.
  const windowStart = new Date(Math.floor(Date.now() / 600_000) * 600_000 + 1000);
  const inWindow = () => windowStart;
  async function reporterWrites(reportId: string, text: string) {
    const messageId = await recordReporterMessage(reportId, { text }, testCipher, inWindow());
    await enqueue(w.harness.queues, 'reporter_message', { reportId, messageId });
    return messageId;
  }

  it('tells the case\'s pekerja sosial once a case is open (not the receptionist), once per report in a burst, without the words', async () => {
    const rina = await staffWithTelegram('penerima_pengaduan', 'rina.rm', 990_001);
    const budi = await staffWithTelegram('pekerja_sosial', 'budi.rm', 990_002);
    const report = await makeReport({ status: 'claimed' });
    const kase = await CaseModel.create({ caseNumber: 'KSS-2026-0901', openedBy: rina.id, caseManagerId: budi.id, reportIds: [report._id] });
    await ReportModel.updateOne({ _id: report._id }, { $set: { claimedBy: rina.id, caseId: kase._id, status: 'case_opened' } });

    await reporterWrites(report.id, 'Ayahnya datang lagi ke rumah nenek');
    await reporterWrites(report.id, 'Sari takut sekali');
    await expectEventually(() => expect(w.telegram.textsTo(990_002).join('\n')).toMatch(new RegExp(`${report.ticket}[\\s\\S]*pesan baru[\\s\\S]*/reports/${report.id}`)), 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(w.telegram.textsTo(990_002)).toHaveLength(1);
    expect(w.telegram.textsTo(990_002).join('\n')).not.toMatch(/Ayahnya|Sari/);
    expect(w.telegram.textsTo(990_001)).toEqual([]);
    expect(await AlertModel.countDocuments({ kind: 'reporter_message', reportId: report._id })).toBe(1);
  });

  it('tells nobody while the report waits in the intake queue unclaimed (its conversation is on the report page)', async () => {
    const report = await makeReport({ status: 'queued' });
    const messageId = await reporterWrites(report.id, 'Halo, ada kabar?');
    const job = await expectEventually(async () => {
      const found = await w.harness.queues.alerts!.getJob(`reporter-message-${messageId}`);
      expect(await found?.isCompleted()).toBe(true);
      return found!;
    }, 15_000);
    expect(job.returnvalue).toEqual({ outcome: 'no_holder' });
    expect(await AlertModel.countDocuments({ reportId: report._id })).toBe(0);
  });
});
