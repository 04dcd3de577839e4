import { randomUUID } from 'node:crypto';
import { createReporterFollowUp } from '../../src/alerts/reporter-follow-up';
import { createReporterNotices } from '../../src/alerts/reporter-notices';
import { tellReporterAlertHeard } from '../../src/alerts/tell-reporter';
import { createLookupHasher } from '../../src/crypto/field-cipher';
import { AlertModel } from '../../src/db/models/alert.model';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { UserModel } from '../../src/db/models/user.model';
import { createQueues, type Queues } from '../../src/queue/queues';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis';
import { testCipher } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

// A reporter who says "danger: yes" hears "kami kabari di sini begitu petugas menerimanya". With nobody on the roster
// no channel ever accepts the alert, so the only person who can receive it is whoever accepts it on /alerts: that
// acceptance must reach the reporter too (before, it stopped the escalation and the reporter heard nothing, ever).
const db = useTestDatabase('ackreporter');
const prefix = uniquePrefix('ackreporter');
let admin: RunningAdmin;
let queues: Partial<Queues>;

beforeAll(async () => {
  await Promise.all([UserModel.init(), AlertModel.init(), AuditEventModel.init()]);
  queues = createQueues({ url: TEST_REDIS_URL }, prefix, ['outbound']);
  admin = await startAdminApp('ackreporter', db.uri, { queues }, { REDIS_PREFIX: prefix });
});
afterAll(async () => {
  await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true }).then(() => q.close())));
  await admin.close();
});

it('the Koordinator accepting an alert that reached nobody tells the web chat reporter a person has it', async () => {
  const hasher = createLookupHasher(admin.config.crypto.lookupHashKey);
  const followUp = createReporterFollowUp(admin.redis, prefix, testCipher);
  const notices = createReporterNotices(admin.redis, prefix, testCipher);
  const draftId = randomUUID();
  const session = randomUUID();
  await followUp.remember(draftId, { channel: 'webchat', chatId: session, language: 'id' });
  const chain = [];
  for (const [level, recipientRole] of (['petugas_on_call', 'kepala_seksi_data', 'koordinator'] as const).entries()) {
    chain.push(await AlertModel.create({
      idempotencyKey: `draft-${draftId}-L${level}`, subject: `draft-${draftId}`, kind: 'urgent_draft', level, recipientRole,
      text: 'LAPOR ANAK: laporan darurat', status: 'no_recipient',
    }));
  }
  await makeUser('koordinator', 'koor.ack');
  const koor = new AdminClient(admin.baseUrl);
  await koor.signIn('koor.ack', TEST_PASSWORD);
  await koor.get('/alerts');
  expect((await koor.postForm(`/alerts/${chain[2]!.id}/ack`, {})).status).toBe(303);

  // What the worker's alert_heard job does with the job the acceptance queued.
  const job = await queues.outbound!.getJob(`alert_heard-${chain[2]!.id}`);
  expect(job?.name).toBe('alert_heard');
  const deps = { followUp, notices, hasher, cipher: testCipher, queues };
  expect(await tellReporterAlertHeard(job!.data.alertId, deps)).toEqual({ outcome: 'told', channel: 'webchat' });
  const told = await notices.takeAll(hasher(`webchat:${session}`));
  expect(told).toEqual([expect.stringMatching(/^Pejabat unit kami sudah menerima pemberitahuan darurat/)]);

  // Accepting another alert of the same chain tells nobody twice.
  await koor.postForm(`/alerts/${chain[0]!.id}/ack`, {});
  const again = await queues.outbound!.getJob(`alert_heard-${chain[0]!.id}`);
  expect(again?.name).toBe('alert_heard');
  expect(await tellReporterAlertHeard(again!.data.alertId, deps)).toEqual({ outcome: 'already_told' });
  expect(await notices.takeAll(hasher(`webchat:${session}`))).toEqual([]);
});
