import { Types } from 'mongoose';
import { createReporterFollowUp } from '../../src/alerts/reporter-follow-up';
import { createReporterNotices } from '../../src/alerts/reporter-notices';
import { tellReporterAlertHeard } from '../../src/alerts/tell-reporter';
import { AlertModel } from '../../src/db/models/alert.model';
import { createIntakeHarness } from '../support/intake';
import { useTestDatabase } from '../support/database';

// The worker queues "alert heard" only after a person's channel accepted the alert. On FerretDB another update of the
// same alert in the same moment can write the document back without its `sentAt` (seen in CI: the reporter of a
// danger report was never told that a senior officer had it). The telling must not hang on reading `sentAt` back.
useTestDatabase('tellreporter');
const intake = createIntakeHarness('tellreporter');
afterAll(() => intake.close());

function deps() {
  return {
    followUp: createReporterFollowUp(intake.redis, intake.prefix, intake.cipher),
    notices: createReporterNotices(intake.redis, intake.prefix, intake.cipher),
    hasher: intake.hasher, cipher: intake.cipher, queues: {},
  };
}

async function urgentDraftAlert(draftId: string, level: number) {
  return AlertModel.create({
    _id: new Types.ObjectId(), idempotencyKey: `draft-${draftId}-L${level}`, subject: `draft-${draftId}`, kind: 'urgent_draft', level,
    recipientRole: level === 0 ? 'petugas_on_call' : 'kepala_seksi_data', text: 'LAPOR ANAK: laporan darurat', status: 'pending',
  });
}

describe('telling a reporter that a person has the danger alert', () => {
  beforeAll(() => AlertModel.init());

  it('tells the web chat reporter once even when the alert reads back without sentAt', async () => {
    const draftId = crypto.randomUUID();
    const session = crypto.randomUUID();
    await deps().followUp.remember(draftId, { channel: 'webchat', chatId: session, language: 'id' });
    const alert = await urgentDraftAlert(draftId, 1);

    expect(await tellReporterAlertHeard(alert.id, deps())).toEqual({ outcome: 'told', channel: 'webchat' });
    expect(await tellReporterAlertHeard(alert.id, deps())).toEqual({ outcome: 'already_told' });
    const waiting = await deps().notices.takeAll(intake.hasher(`webchat:${session}`));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatch(/Pejabat unit kami sudah menerima/);
  });

  it('says nothing for an alert that is not about a reporter still in the conversation', async () => {
    const other = await AlertModel.create({
      _id: new Types.ObjectId(), idempotencyKey: `sla-${Date.now()}`, subject: 'sla-x', kind: 'sla', level: 0,
      recipientRole: 'kepala_seksi_data', text: 'SLA', status: 'sent', sentAt: new Date(),
    });
    expect(await tellReporterAlertHeard(other.id, deps())).toEqual({ outcome: 'not_applicable' });
    const draftId = crypto.randomUUID();
    expect(await tellReporterAlertHeard((await urgentDraftAlert(draftId, 0)).id, deps())).toEqual({ outcome: 'no_chat' });
  });
});
