import { ReportModel } from '../../src/db/models/report.model';
import { useTestDatabase } from '../support/database';

useTestDatabase('roundtrip');

const report = (ticket: string) => ({
  ticket,
  channel: 'telegram' as const,
  reporterHash: 'h'.repeat(64),
  anonymous: true,
  category: 'kekerasan_fisik' as const,
});

describe('mongoose on the real database', () => {
  beforeAll(async () => {
    await ReportModel.init(); // builds the indexes: an index the server cannot build fails here
  });

  it('stores a report, rejects a second one with the same ticket, and finds it again', async () => {
    await ReportModel.create(report('ADU-TEST-0001'));
    await expect(ReportModel.create(report('ADU-TEST-0001'))).rejects.toMatchObject({ code: 11000 });

    const found = await ReportModel.find({ ticket: 'ADU-TEST-0001' }).lean();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: 'received', category: 'kekerasan_fisik', anonymous: true });
  });

  it('moves a status only from the expected one (status-guarded update instead of transactions)', async () => {
    const created = await ReportModel.create(report('ADU-TEST-0002'));
    const first = await ReportModel.findOneAndUpdate(
      { _id: created._id, status: 'received' },
      { $set: { status: 'triaged' } },
      { returnDocument: 'after' },
    );
    const second = await ReportModel.findOneAndUpdate(
      { _id: created._id, status: 'received' },
      { $set: { status: 'triaged' } },
      { returnDocument: 'after' },
    );
    expect(first?.status).toBe('triaged');
    expect(second).toBeNull();
  });
});
