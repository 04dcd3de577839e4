import { CaseModel } from '../../src/db/models/case.model';
import { UserModel } from '../../src/db/models/user.model';
import { selectDueMonitoring } from '../../src/cases/due-monitoring';
import { enqueue } from '../../src/queue/queues';
import { Types } from 'mongoose';
import { BOUND, elementField, fieldOf } from '../../src/crypto/encrypted-fields';
import { testCipher } from '../factories/reports';
import { makeUser } from '../factories/users';
import { expectEventually } from '../support/expect-eventually';
import { useWorkersWithFakeTelegram } from '../support/worker-harness';

const DAY = 24 * 3600_000;
const BUDI_CHAT = 770021;
const NOTE = 'Ayu masih takut pulang ke rumah pamannya';

describe('which monitoring dates are due', () => {
  const now = new Date('2026-12-01T08:00:00Z');
  const entry = (at: string, nextDueAt?: string) => ({ at: new Date(at), nextDueAt: nextDueAt ? new Date(nextDueAt) : undefined });

  it('takes the newest entry: a due date today (WIB) or past is due, a later visit answers it', () => {
    const due = selectDueMonitoring([
      { id: 'today', caseManagerId: 'u1', monitoring: [entry('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')] },
      { id: 'past', caseManagerId: 'u1', monitoring: [entry('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')] },
      { id: 'future', caseManagerId: 'u1', monitoring: [entry('2026-11-01T00:00:00Z', '2026-12-03T00:00:00Z')] },
      { id: 'answered', caseManagerId: 'u1', monitoring: [entry('2026-11-20T00:00:00Z'), entry('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')] },
      { id: 'nobody', caseManagerId: null, monitoring: [entry('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')] },
    ], now);
    expect(due).toEqual([
      { caseId: 'today', caseManagerId: 'u1', dueDate: '2026-12-01' },
      { caseId: 'past', caseManagerId: 'u1', dueDate: '2026-11-01' },
    ]);
  });

  it("counts today by the unit's clock: 01:00 WIB on the due day is already due", () => {
    const kase = { id: 'c', caseManagerId: 'u1', monitoring: [entry('2026-11-01T00:00:00Z', '2026-12-02T00:00:00Z')] };
    expect(selectDueMonitoring([kase], new Date('2026-12-01T16:59:00Z'))).toEqual([]); // 23:59 WIB the day before
    expect(selectDueMonitoring([kase], new Date('2026-12-01T18:00:00Z'))).toHaveLength(1); // 01:00 WIB on the day
  });
});

describe('the case watch', () => {
  const w = useWorkersWithFakeTelegram('casewatch');

  const runWatch = async () => {
    const before = await w.harness.queues.maintenance!.getCompletedCount();
    await enqueue(w.harness.queues, 'case-watch', {});
    await expectEventually(async () => expect(await w.harness.queues.maintenance!.getCompletedCount()).toBeGreaterThan(before));
  };

  it('is a job scheduler on Jakarta time', async () => {
    const scheduler = await w.harness.queues.maintenance!.getJobScheduler('case-watch');
    expect(scheduler).toMatchObject({ pattern: '*/5 * * * *', tz: 'Asia/Jakarta' });
  });

  it("tells the case's pekerja sosial once that a monitoring date is due, with the case number and no personal data", async () => {
    const budi = await makeUser('pekerja_sosial', 'budi.watch');
    await UserModel.updateOne({ _id: budi.id }, { $set: { telegramChatId: testCipher.encrypt(String(BUDI_CHAT), fieldOf(BOUND.users, budi.id, 'telegramChatId')) } });
    const monitoring = (caseId: Types.ObjectId, nextDueAt: Date, at = new Date(Date.now() - 30 * DAY)) => {
      const _id = new Types.ObjectId();
      return { _id, kind: 'psychosocial', note: testCipher.encrypt(NOTE, fieldOf(BOUND.cases, caseId, elementField('monitoring', _id, 'note'))), nextDueAt, by: budi.id, at };
    };
    const [dueId, laterId] = [new Types.ObjectId(), new Types.ObjectId()];
    const due = await CaseModel.create({
      _id: dueId, caseNumber: 'KSS-2026-0101', openedBy: 'x', caseManagerId: budi.id, status: 'monitoring',
      monitoring: [monitoring(dueId, new Date(Date.now() - DAY))],
    });
    const later = await CaseModel.create({
      _id: laterId, caseNumber: 'KSS-2026-0102', openedBy: 'x', caseManagerId: budi.id, status: 'monitoring',
      monitoring: [monitoring(laterId, new Date(Date.now() + 7 * DAY))],
    });

    await runWatch();
    const texts = await expectEventually(() => {
      const sent = w.telegram.textsTo(BUDI_CHAT);
      expect(sent).toHaveLength(1);
      return sent;
    }, 15_000);
    expect(texts[0]).toContain('Kasus KSS-2026-0101');
    expect(texts[0]).toContain('Pemantauan berikutnya jatuh tempo');
    expect(texts[0]).toContain(`/cases/${due.id}`);
    expect(texts[0]).not.toContain(later.caseNumber);
    expect(texts[0]).not.toContain('Ayu');

    await runWatch(); // the same due date: nobody is told again
    await new Promise((r) => setTimeout(r, 1000));
    expect(w.telegram.textsTo(BUDI_CHAT)).toHaveLength(1);
  });
});
