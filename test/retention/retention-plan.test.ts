import { CaseModel } from '../../src/db/models/case.model';
import { ReportMessageModel } from '../../src/db/models/report-message.model';
import { ReportModel } from '../../src/db/models/report.model';
import { applyRetention, planRetention } from '../../src/retention/retention-plan';
import { useTestDatabase } from '../support/database';
import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { makeReport, testCipher } from '../factories/reports';

useTestDatabase('retention');
const periods = { rejectedDays: 90, transcriptDays: 365 };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe('retention', () => {
  it('counts in a dry run exactly what the job then erases, and nothing else', async () => {
    const oldRejected = await makeReport();
    const recentRejected = await makeReport();
    const queued = await makeReport();
    // updatedAt is set by mongoose on every save; set it directly to age the decision.
    await ReportModel.collection.updateOne({ _id: oldRejected._id }, { $set: { status: 'rejected', updatedAt: daysAgo(120) } });
    await ReportModel.collection.updateOne({ _id: recentRejected._id }, { $set: { status: 'rejected', updatedAt: daysAgo(10) } });
    await ReportModel.collection.updateOne({ _id: queued._id }, { $set: { updatedAt: daysAgo(400) } });
    const closed = await makeReport({ status: 'claimed' });
    await CaseModel.create({ caseNumber: 'KSS-2024-0001', openedBy: 'x', status: 'terminated', terminatedAt: daysAgo(400), reportIds: [closed._id] });
    const open = await makeReport({ status: 'claimed' });
    await CaseModel.create({ caseNumber: 'KSS-2025-0001', openedBy: 'x', reportIds: [open._id] });
    for (const r of [closed, closed, open]) {
      const _id = new Types.ObjectId();
      await ReportMessageModel.create({ _id, reportId: r._id, direction: 'out', text: testCipher.encrypt('halo', fieldOf(BOUND.reportMessages, _id, 'text')), by: 'x', status: 'sent' });
    }

    const plan = await planRetention(periods);
    expect(plan).toMatchObject({ rejectedReportsToAnonymise: 1, transcriptMessagesToErase: 2 });
    expect(await ReportModel.countDocuments({ description: { $exists: true } })).toBe(5);

    const removed: string[] = [];
    expect(await applyRetention(periods, async (key) => void removed.push(key))).toEqual({ reportsAnonymised: 1, messagesErased: 2 });
    const after = await ReportModel.findById(oldRejected._id).lean();
    expect(after!.description).toBeUndefined();
    expect(after!.reporterName).toBeUndefined();
    expect(after!.child?.name).toBeUndefined();
    expect(after!.category).toBe('kekerasan_fisik');
    expect((await ReportModel.findById(recentRejected._id).lean())!.description).toBeDefined();
    expect(await ReportMessageModel.countDocuments({ reportId: open._id })).toBe(1);
    expect(await planRetention(periods)).toMatchObject({ rejectedReportsToAnonymise: 0, transcriptMessagesToErase: 0 });
  });

  it('erases what a reporter sent after filing, files included, with the conversation', async () => {
    const closed = await makeReport({ status: 'claimed' });
    await CaseModel.create({ caseNumber: 'KSS-2024-0002', openedBy: 'x', status: 'terminated', terminatedAt: daysAgo(400), reportIds: [closed._id] });
    const media = { kind: 'photo', mimeType: 'image/jpeg', size: 3, sha256: 'a'.repeat(64), storageKey: 'ab/follow-up.bin' } as const;
    const messageId = new Types.ObjectId();
    const text = testCipher.encrypt('foto', fieldOf(BOUND.reportMessages, messageId, 'text'));
    await ReportMessageModel.create({ _id: messageId, reportId: closed._id, direction: 'in', text, by: 'reporter', status: 'received', media });
    const removed: string[] = [];
    expect(await applyRetention(periods, async (key) => void removed.push(key))).toMatchObject({ messagesErased: 1 });
    expect(removed).toEqual(['ab/follow-up.bin']);
    expect(await ReportMessageModel.countDocuments({ reportId: closed._id })).toBe(0);
  });
});
