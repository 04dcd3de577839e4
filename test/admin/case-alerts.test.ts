import { AlertModel } from '../../src/db/models/alert.model';
import { CaseModel } from '../../src/db/models/case.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { UserModel } from '../../src/db/models/user.model';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { startTestWorkers } from '../support/worker-harness';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-bot-api';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { testCipher } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const db = useTestDatabase('casealerts');
let admin: RunningAdmin;
let telegram: FakeTelegram;
let workers: Awaited<ReturnType<typeof startTestWorkers>>;

beforeAll(async () => {
  await Promise.all([UserModel.init(), CaseModel.init(), AlertModel.init(), PartnerModel.init()]);
  telegram = await startFakeTelegram();
  workers = await startTestWorkers('casealerts', db.uri, { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });
  admin = await startAdminApp('casealerts', db.uri, { queues: workers.queues });
});
afterAll(async () => {
  await admin.close();
  await workers.stop();
  await telegram.close();
});

async function signedIn(username: string) {
  const client = new AdminClient(admin.baseUrl);
  expect((await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
  return client;
}

describe("case alerts to the staff member's own chat", () => {
  it('tells the case manager about an assignment and an answered referral, with the case number and no personal data', async () => {
    const budi = await makeUser('pekerja_sosial', 'budi');
    await makeUser('kepala_seksi_pelayanan', 'kasi');
    const partner = await PartnerModel.create({ name: 'Puskesmas Ipuh', kind: 'kesehatan' });
    const kase = await CaseModel.create({ caseNumber: 'KSS-2026-0042', openedBy: 'x', reportIds: [] });

    const budiClient = await signedIn('budi');
    await budiClient.get('/password');
    await budiClient.postForm('/account/contact', { telegramChatId: '880011', whatsappNumber: '' });
    expect(testCipher.decrypt((await UserModel.findById(budi.id).lean())!.telegramChatId!, fieldOf(BOUND.users, budi.id, 'telegramChatId'))).toBe('880011');

    const kasi = await signedIn('kasi');
    await kasi.get(`/cases/${kase.id}`);
    await kasi.postForm(`/cases/${kase.id}/assign`, { field: 'caseManagerId', userId: budi.id });
    await expectEventually(() => expect(telegram.textsTo('880011')).toHaveLength(1), 15_000);
    const [assigned] = telegram.textsTo('880011');
    expect(assigned).toContain('Kasus KSS-2026-0042');
    expect(assigned).toContain('ditugaskan kepada Anda');
    expect(assigned).toContain(`/cases/${kase.id}`);

    await budiClient.json('POST', `/api/cases/${kase.id}/referrals`, { partnerId: partner.id, reason: 'pemeriksaan luka Ayu', authKind: 'consent', authNote: 'ibu kandung' });
    const referralId = String((await CaseModel.findById(kase.id).lean())!.referrals[0]!._id);
    await kasi.postForm(`/cases/${kase.id}/referrals/${referralId}`, { status: 'accepted' });
    expect((await CaseModel.findById(kase.id).lean())!.referrals[0]!.status).toBe('accepted');
    await expectEventually(() => expect(telegram.textsTo('880011')).toHaveLength(2), 15_000);
    const answered = telegram.textsTo('880011')[1]!;
    expect(answered).toContain('Rujukan ke Puskesmas Ipuh: Diterima lembaga.');
    expect(answered).not.toContain('Ayu');
  });
});
