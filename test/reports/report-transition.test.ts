import { nextInSequence } from '../../src/db/models/counter.model';
import { ExclusiveSlotModel } from '../../src/db/models/exclusive-slot.model';
import { ReportModel } from '../../src/db/models/report.model';
import { transitionReport } from '../../src/reports/report-transition';
import { loadConfig } from '../../src/config';
import { storeReceivedReport } from '../factories/report';
import { useTestDatabase } from '../support/database';

// FerretDB applies guarded updates as read-then-write; these races are what the exclusive slots are for.
describe('contested changes on the real database', () => {
  useTestDatabase('transition');
  const config = loadConfig();
  beforeAll(async () => {
    await ReportModel.init();
    await ExclusiveSlotModel.init();
  });

  it('lets exactly one of eight receptionists claim the same report, every time', async () => {
    for (let round = 0; round < 10; round++) {
      const report = await storeReceivedReport(config);
      await ReportModel.updateOne({ _id: report._id }, { $set: { status: 'queued' } });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => transitionReport({
          reportId: report.id, from: ['queued'], to: 'claimed',
          actor: { id: `u${i}`, name: `staff ${i}`, role: 'penerima_pengaduan' }, set: { claimedBy: `u${i}` },
        })),
      );
      const winners = results.filter(Boolean);
      expect(winners).toHaveLength(1);
      const stored = await ReportModel.findById(report._id).lean();
      expect(stored?.claimedBy).toBe(winners[0]!.claimedBy);
      expect(stored?.events.filter((e) => e.to === 'claimed')).toHaveLength(1);
    }
  });

  it('moves on after a writer died holding a slot, once the slot is stale', async () => {
    const report = await storeReceivedReport(config);
    await ReportModel.updateOne({ _id: report._id }, { $set: { status: 'queued' } });
    await ExclusiveSlotModel.create({ _id: `report:${report.id}:0`, at: new Date(Date.now() - 60_000) });
    const claimed = await transitionReport({
      reportId: report.id, from: ['queued'], to: 'claimed', actor: { id: 'u1', name: 'staff', role: 'penerima_pengaduan' },
    });
    expect(claimed?.status).toBe('claimed');
  });

  it('hands out every case number once, even to twelve callers at once', async () => {
    const numbers = await Promise.all(Array.from({ length: 12 }, () => nextInSequence('case-test')));
    expect(new Set(numbers).size).toBe(12);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await nextInSequence('case-test')).toBe(13);
  });
});
