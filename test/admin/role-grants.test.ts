import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { UserModel } from '../../src/db/models/user.model';
import { approveGrant } from '../../src/users/role-grants';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';

// Separation of duties: an administrator sees no case content, so a role that does waits for a Koordinator.
const db = useTestDatabase('grants');
let admin: RunningAdmin;
let root: AdminClient;
let kord: AdminClient;

async function signedIn(username: string): Promise<AdminClient> {
  const client = new AdminClient(admin.baseUrl);
  await client.signIn(username, TEST_PASSWORD);
  await client.get('/password');
  return client;
}

/** Creates an account through the panel as the administrator; returns its id and one-time password. */
async function createAccount(username: string, role: string): Promise<{ id: string; password: string }> {
  const created = await root.postForm('/users', { username, displayName: 'Staf Baru', role });
  const page = await root.get(created.location);
  const password = /Kata sandi sementara \(sekali tampil\): ([A-Za-z0-9_-]+)/.exec(page.text)![1]!;
  return { id: String((await UserModel.findOne({ username }))!._id), password };
}

const canSignIn = async (username: string, password: string) => (await new AdminClient(admin.baseUrl).signIn(username, password)).status === 303;

beforeAll(async () => {
  await Promise.all([UserModel.init(), AuditEventModel.init()]);
  admin = await startAdminApp('grants', db.uri);
  await makeUser('admin', 'root');
  await makeUser('koordinator', 'kord');
  root = await signedIn('root');
  kord = await signedIn('kord');
});
afterAll(() => admin.close());

describe('granting a role with data access', () => {
  it('waits for a Koordinator: no sign-in until approved, then the account works; each step is audited', async () => {
    const { id, password } = await createAccount('new.worker', 'pekerja_sosial');
    expect(await canSignIn('new.worker', password)).toBe(false);
    expect((await kord.get('/grants')).text).toMatch(/<td[^>]*>new\.worker<\/td>/);

    expect((await kord.postForm(`/grants/${id}/approve`, {})).location).toBe('/grants');
    expect(await canSignIn('new.worker', password)).toBe(true);
    expect((await kord.get('/grants')).text).not.toMatch(/<td[^>]*>new\.worker<\/td>/);
    const events = await AuditEventModel.find({ subjectId: id, action: /^user\.grant/ }).sort({ at: 1 }).lean();
    expect(events.map((e) => [e.action, e.actorName, (e.details as { role: string }).role])).toEqual([
      ['user.grant_requested', 'root', 'pekerja_sosial'],
      ['user.grant_approved', 'kord', 'pekerja_sosial'],
    ]);
  });

  it('an administrator cannot approve, not even their own grant', async () => {
    const { id, password } = await createAccount('self.granted', 'koordinator');
    expect((await root.postForm(`/grants/${id}/approve`, {})).status).toBe(403);
    expect(await canSignIn('self.granted', password)).toBe(false);
    // Nor can anyone approve a grant they asked for themself, whatever their role.
    const rootUser = (await UserModel.findOne({ username: 'root' }))!;
    await expect(approveGrant(id, { id: rootUser.id, name: 'root', role: 'koordinator' })).rejects.toThrow(/pemintanya sendiri/);
  });

  it('a refused grant leaves the account inactive, with the reason on record', async () => {
    const { id, password } = await createAccount('not.staff', 'penerima_pengaduan');
    expect((await kord.postForm(`/grants/${id}/refuse`, { reason: 'bukan pegawai unit' })).location).toBe('/grants');
    expect(await canSignIn('not.staff', password)).toBe(false);
    expect(await AuditEventModel.countDocuments({ subjectId: id, action: 'user.grant_refused', reason: 'bukan pegawai unit' })).toBe(1);
  });

  it('turning a deactivated account with data access back on waits too', async () => {
    const user = await makeUser('petugas_on_call', 'back.again');
    await root.postForm(`/users/${user.id}/active`, { active: 'no' });
    await root.postForm(`/users/${user.id}/active`, { active: 'yes' });
    expect(await canSignIn('back.again', TEST_PASSWORD)).toBe(false);
    await kord.postForm(`/grants/${user.id}/approve`, {});
    expect(await canSignIn('back.again', TEST_PASSWORD)).toBe(true);
  });

  it('a password reset of an account with data access hands it to no administrator: it waits for a Koordinator', async () => {
    const other = await makeUser('koordinator', 'kord.two');
    const reset = await root.postForm(`/users/${other.id}/reset`, {});
    const page = await root.get(reset.location);
    expect(page.text).toContain('setelah disetujui Koordinator');
    const password = /Sementara \(sekali tampil\): ([A-Za-z0-9_-]+)/.exec(page.text)![1]!;
    // The administrator holds the one-time password, but it opens nothing until someone else approves.
    expect(await canSignIn('kord.two', password)).toBe(false);
    expect((await kord.get('/grants')).text).toMatch(/<td[^>]*>kord\.two<\/td>/);
    expect((await root.postForm(`/grants/${other.id}/approve`, {})).status).toBe(403);
    await kord.postForm(`/grants/${other.id}/approve`, {});
    expect(await canSignIn('kord.two', password)).toBe(true);
    const actions = (await AuditEventModel.find({ subjectId: other.id }).sort({ at: 1 }).lean()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.reset_password', 'user.grant_requested', 'user.grant_approved']));
  });

  it('a password reset of another administrator needs no approval', async () => {
    const other = await makeUser('admin', 'admin.two');
    const page = await root.get((await root.postForm(`/users/${other.id}/reset`, {})).location);
    expect(page.text).not.toContain('disetujui Koordinator');
    const password = /Sementara \(sekali tampil\): ([A-Za-z0-9_-]+)/.exec(page.text)![1]!;
    expect(await canSignIn('admin.two', password)).toBe(true);
  });

  it('another administrator (no case content) needs no approval', async () => {
    const { password } = await createAccount('second.admin', 'admin');
    expect(await canSignIn('second.admin', password)).toBe(true);
  });
});
