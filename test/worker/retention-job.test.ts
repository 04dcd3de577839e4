import { ReportModel } from '../../src/db/models/report.model';
import { enqueue } from '../../src/queue/queues';
import { storeReceivedReport } from '../factories/report';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { startTestWorkers } from '../support/worker-harness';

describe('the scheduled retention job', () => {
  const db = useTestDatabase('retentionjob');
  let harness: Awaited<ReturnType<typeof startTestWorkers>>;
  beforeAll(async () => {
    harness = await startTestWorkers('retentionjob', db.uri, { RETENTION_REJECTED_DAYS: '30' });
  });
  afterAll(() => harness.stop());

  it('is scheduled, and anonymises a rejected report past its period while keeping the figures', async () => {
    const schedulers = await harness.queues.maintenance!.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain('retention');

    const old = await storeReceivedReport(harness.config, { text: 'cerita yang harus hilang', childName: 'Sari', category: 'perundungan' });
    const recent = await storeReceivedReport(harness.config, { text: 'cerita yang tetap', category: 'perundungan' });
    await ReportModel.collection.updateOne({ _id: old._id }, { $set: { status: 'rejected', updatedAt: new Date(Date.now() - 40 * 86_400_000) } });
    await ReportModel.collection.updateOne({ _id: recent._id }, { $set: { status: 'rejected' } });

    await enqueue(harness.queues, 'retention', {});
    await expectEventually(async () => expect((await ReportModel.findById(old._id).lean())?.description).toBeUndefined());
    const anonymised = await ReportModel.findById(old._id).lean();
    expect(anonymised?.child?.name).toBeUndefined();
    expect(anonymised).toMatchObject({ category: 'perundungan', status: 'rejected', ticket: old.ticket });
    expect((await ReportModel.findById(recent._id).lean())?.description).toBeDefined();
  });
});
