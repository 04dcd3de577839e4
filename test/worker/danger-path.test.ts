import { createReporterNotices } from '../../src/alerts/reporter-notices';
import { AlertModel } from '../../src/db/models/alert.model';
import { OnCallShiftModel } from '../../src/db/models/on-call-shift.model';
import { ReportModel } from '../../src/db/models/report.model';
import type { InboundMessage, OutboundMessage } from '../../src/intake/messages';
import { expectEventually } from '../support/expect-eventually';
import { createIntakeHarness } from '../support/intake';
import { useWorkersWithFakeTelegram } from '../support/worker-harness';

// The danger path end to end in one process: the intake handler hears "danger: yes", the worker raises the alert
// through the fake Telegram Bot API, and the reporter is told a person has it only once a send succeeded.
const ON_CALL = 7101;
const KEPALA_SEKSI = 7102;
const KOORDINATOR = 7103;
// ALERT_ESCALATE_MINUTES stays at its default of 10: anything that reaches the next level within the test went at once.

// The machine is shared and slow: generous waits rather than weaker checks.
jest.setTimeout(120_000);
const intake = createIntakeHarness('dangerpath');
afterAll(() => intake.close());

async function sayDangerYes(w: ReturnType<typeof useWorkersWithFakeTelegram>, chatId: string, channel: 'telegram' | 'webchat' = 'telegram') {
  const handle = intake.newHandler({ queues: w.harness.queues, config: w.harness.config });
  const send = (m: Partial<InboundMessage>) => handle({ channel, chatId, kind: 'text', receivedAt: new Date(), ...m } as InboundMessage);
  await send({ text: 'halo' });
  await send({ kind: 'choice', choice: 'consent:yes' });
  const started = new Date(); // timestamps are set by mongoose in this process: no skew
  const replies = await send({ kind: 'choice', choice: 'danger:yes' });
  const alert = await expectEventually(async () => {
    const found = await AlertModel.findOne({ kind: 'urgent_draft', level: 0, createdAt: { $gte: started } }).sort({ createdAt: -1 }).lean();
    expect(found).not.toBeNull();
    return found!;
  });
  return { replies, alert };
}
const allText = (replies: OutboundMessage[]) => replies.map((r) => r.text).join('\n');

describe('a danger report while nobody is on call (only the Kepala Seksi Data and the Koordinator on the roster)', () => {
  const w = useWorkersWithFakeTelegram('dangerempty', {
    onCall: [['kepala_seksi_data', 'u-kasi', KEPALA_SEKSI], ['koordinator', 'u-koor', KOORDINATOR]],
  });
  beforeAll(() => Promise.all([ReportModel.init(), AlertModel.init(), OnCallShiftModel.init()]));

  it('tells the reporter the report is in the emergency queue, not that a person was told, and goes up the chain at once', async () => {
    const reporter = '9100001';
    const { replies, alert } = await sayDangerYes(w, reporter);
    const said = allText(replies);
    expect(said).toMatch(/112/);
    expect(said).toMatch(/antrean darurat/);
    expect(said).not.toMatch(/sudah diberi tahu|sudah menerima/);
    expect(alert.status).toBe('no_recipient');

    // Both levels above hear it within seconds, not after ALERT_ESCALATE_MINUTES (10).
    await expectEventually(() => {
      expect(w.telegram.textsTo(KEPALA_SEKSI).filter((t) => /dalam bahaya/.test(t))).toHaveLength(1);
      expect(w.telegram.textsTo(KOORDINATOR).filter((t) => /dalam bahaya/.test(t))).toHaveLength(1);
    }, 20_000);
    const chain = await AlertModel.find({ subject: alert.subject }).sort({ level: 1 }).lean();
    expect(chain.map((a) => [a.level, a.recipientRole, a.status === 'no_recipient' ? 'no_recipient' : 'reached'])).toEqual([
      [0, 'petugas_on_call', 'no_recipient'], [1, 'kepala_seksi_data', 'reached'], [2, 'koordinator', 'reached'],
    ]);
    // A senior officer has it now; the reporter may hear that, never that the petugas piket has it.
    await expectEventually(() => expect(w.telegram.textsTo(reporter).join('\n')).toMatch(/Pejabat unit kami sudah menerima/), 20_000);
    expect(w.telegram.textsTo(reporter).join('\n')).not.toMatch(/Petugas piket sudah menerima/);
  });
});

describe('a danger report while the roster is empty at every level', () => {
  const w = useWorkersWithFakeTelegram('dangernobody');

  it('reaches nobody, says so to nobody, and the reporter hears no claim that a person was told', async () => {
    const reporter = '9100002';
    const { replies, alert } = await sayDangerYes(w, reporter);
    expect(allText(replies)).not.toMatch(/sudah diberi tahu|sudah menerima/);
    await expectEventually(async () => {
      const chain = await AlertModel.find({ subject: alert.subject }).sort({ level: 1 }).lean();
      expect(chain.map((a) => a.status)).toEqual(['no_recipient', 'no_recipient', 'no_recipient']);
    }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(w.telegram.textsTo(reporter)).toEqual([]);
  });
});

describe('a danger report with a person on call', () => {
  const w = useWorkersWithFakeTelegram('dangeroncall', {
    onCall: [['petugas_on_call', 'u-oncall', ON_CALL], ['kepala_seksi_data', 'u-kasi', KEPALA_SEKSI]],
  });

  it('tells the reporter "petugas piket sudah menerima" once the on-call send succeeded, once', async () => {
    const reporter = '9100003';
    const { replies, alert } = await sayDangerYes(w, reporter);
    expect(allText(replies)).not.toMatch(/sudah menerima/);
    await expectEventually(() => expect(w.telegram.textsTo(ON_CALL).filter((t) => t.includes(String(alert._id)))).toHaveLength(1), 20_000);
    const told = await expectEventually(() => {
      const texts = w.telegram.textsTo(reporter).filter((t) => /Petugas piket sudah menerima/.test(t));
      expect(texts).toHaveLength(1);
      return texts;
    }, 20_000);
    expect(told[0]).toMatch(/112/);
    expect(told[0]).not.toMatch(/ADU-|7101/);
    // Nobody acknowledged, but a person has it: no escalation before ALERT_ESCALATE_MINUTES.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(w.telegram.textsTo(KEPALA_SEKSI)).toEqual([]);
    expect(w.telegram.textsTo(reporter).filter((t) => /sudah menerima/.test(t))).toHaveLength(1);
  });

  it('a web chat reporter finds the follow-up waiting with the next answer', async () => {
    const sessionId = crypto.randomUUID();
    await sayDangerYes(w, sessionId, 'webchat');
    const notices = createReporterNotices(intake.redis, w.harness.config.redis.prefix, intake.cipher);
    const waiting = await expectEventually(async () => {
      const texts = await notices.takeAll(intake.hasher(`webchat:${sessionId}`));
      expect(texts).toHaveLength(1);
      return texts;
    }, 20_000);
    expect(waiting[0]).toMatch(/Petugas piket sudah menerima/);
  });

  it('a send Telegram refuses for good reached nobody: the Kepala Seksi Data is told at once', async () => {
    w.telegram.failNext('sendMessage', 403, undefined, ON_CALL);
    const reporter = '9100004';
    const { alert } = await sayDangerYes(w, reporter);
    await expectEventually(async () => expect((await AlertModel.findById(alert._id).lean())!.status).toBe('failed'), 20_000);
    await expectEventually(() => expect(w.telegram.textsTo(KEPALA_SEKSI).filter((t) => /dalam bahaya/.test(t))).toHaveLength(1), 20_000);
    await expectEventually(() => expect(w.telegram.textsTo(reporter).join('\n')).toMatch(/Pejabat unit kami sudah menerima/), 20_000);
    expect(w.telegram.textsTo(reporter).join('\n')).not.toMatch(/Petugas piket sudah menerima/);
  });
});
