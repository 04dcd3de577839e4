import { ReportModel } from '../../src/db/models/report.model';
import { useTestDatabase } from '../support/database';

useTestDatabase('concurrentupd');

// A burst of staff actions writes many reports at once. Unpatched, FerretDB 1.24 on PostgreSQL held one pooled
// connection per update while waiting for a second, so a burst as large as its pool never finished
// (tools/ferretdb/postgresql-query-releases-connection.patch). 100 is more than any pool we give it.
const BURST = 100;

const report = (i: number) => ({
  ticket: `ADU-BURST-${String(i).padStart(4, '0')}`,
  channel: 'telegram' as const,
  reporterHash: 'h'.repeat(64),
  anonymous: true,
  category: 'kekerasan_fisik' as const,
});

describe('a burst of concurrent updates on the real database', () => {
  beforeAll(async () => {
    await ReportModel.init();
  });

  it('lands every one of 100 concurrent updates, and 100 concurrent guarded status changes', async () => {
    const created = await ReportModel.insertMany(Array.from({ length: BURST }, (_, i) => report(i)));
    const ids = created.map((r) => r._id);
    // Reads first, so the client has its connections open and the updates really arrive together.
    for (let round = 0; round < 3; round++) await Promise.all(ids.map((_id) => ReportModel.findById(_id).lean()));

    const updated = await Promise.all(ids.map((_id) => ReportModel.updateOne({ _id }, { $set: { anonymous: false } })));
    expect(updated.filter((u) => u.modifiedCount === 1)).toHaveLength(BURST);

    const moved = await Promise.all(ids.map((_id) =>
      ReportModel.findOneAndUpdate({ _id, status: 'received' }, { $set: { status: 'queued' } }, { new: true }).lean()));
    expect(moved.filter((r) => r?.status === 'queued')).toHaveLength(BURST);
    expect(await ReportModel.countDocuments({ _id: { $in: ids }, anonymous: false, status: 'queued' })).toBe(BURST);
  }, 25_000);
});
