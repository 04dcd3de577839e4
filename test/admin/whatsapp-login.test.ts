import { storeWhatsappLoginQr } from '../../src/channels/whatsapp-login-qr';
import { UserModel } from '../../src/db/models/user.model';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';
import { makeUser, TEST_PASSWORD } from '../factories/users';

const db = useTestDatabase('walogin');
let admin: RunningAdmin;
beforeAll(async () => {
  await UserModel.init();
  admin = await startAdminApp('walogin', db.uri);
  await makeUser('admin', 'wa.admin');
});
afterAll(() => admin.close());

describe('the WhatsApp login page', () => {
  it('shows the waiting login QR to a signed-in admin as an image, and says when none is waiting', async () => {
    const client = new AdminClient(admin.baseUrl);
    expect((await client.signIn('wa.admin', TEST_PASSWORD)).status).toBe(303);

    const none = await client.get('/whatsapp');
    expect(none.status).toBe(200);
    expect(none.text).toContain('whatsapp-no-qr');

    await storeWhatsappLoginQr(admin.redis, admin.config.redis.prefix, '2@AbCdEf,login-qr-from-whatsapp,xyz');
    const waiting = await client.get('/whatsapp');
    expect(waiting.text).toMatch(/<div id="whatsapp-qr"><svg[^>]*>[\s\S]*<\/svg>/);
    expect(waiting.text).not.toContain('login-qr-from-whatsapp'); // drawn, not printed
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const res = await new AdminClient(admin.baseUrl).get('/whatsapp');
    expect([302, 303]).toContain(res.status);
    expect(res.location).toMatch(/\/login/);
  });
});
