import { ReportModel } from '../../src/db/models/report.model';
import { UserModel } from '../../src/db/models/user.model';
import { makeReport } from '../factories/reports';
import { makeUser, TEST_PASSWORD } from '../factories/users';
import { AdminClient, startAdminApp, type RunningAdmin } from '../support/admin-app';
import { useTestDatabase } from '../support/database';

// The live queue (server-sent events) lives only as long as the session that opened it.
const db = useTestDatabase('stream');
let admin: RunningAdmin;

beforeAll(async () => {
  await Promise.all([UserModel.init(), ReportModel.init()]);
  admin = await startAdminApp('stream', db.uri);
  await makeUser('penerima_pengaduan', 'rina');
  await makeUser('penerima_pengaduan', 'dewi');
});
afterAll(() => admin.close());

async function signedIn(username: string): Promise<AdminClient> {
  const client = new AdminClient(admin.baseUrl);
  expect((await client.json('POST', '/api/session', { username, password: TEST_PASSWORD }, { csrf: false })).status).toBe(200);
  return client;
}

/** Opens the stream and collects what it sends; `until` waits for a pattern or the end of the stream. */
async function openStream(client: AdminClient) {
  const abort = new AbortController();
  const res = await fetch(`${admin.baseUrl}/intake/stream`, { headers: { cookie: client.cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const state = { text: '', ended: false };
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        state.text += decoder.decode(value);
      }
    } catch {
      // aborted by the test
    }
    state.ended = true;
  })();
  const until = async (done: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return done();
  };
  return { state, until, close: async () => { abort.abort(); await pump; } };
}

describe('the live intake stream', () => {
  it('ends when the user signs out everywhere, and sends no change after that', async () => {
    const laptop = await signedIn('rina');
    const phone = await signedIn('rina');
    const stream = await openStream(laptop);
    try {
      await makeReport();
      expect(await stream.until(() => stream.state.text.includes('event: changed'), 10_000)).toBe(true);
      await phone.get('/password');
      expect((await phone.postForm('/logout-everywhere', {})).location).toBe('/login');
      const sentBefore = stream.state.text.length;
      await makeReport();
      expect(await stream.until(() => stream.state.ended, 10_000)).toBe(true);
      const after = stream.state.text.slice(sentBefore);
      expect(after).toContain('event: signed_out');
      expect(after).not.toContain('event: changed');
    } finally {
      await stream.close();
    }
  });

  it('ends when its own session signs out, while a colleague\'s stream goes on', async () => {
    const rina = await signedIn('rina');
    const dewi = await signedIn('dewi');
    const mine = await openStream(rina);
    const theirs = await openStream(dewi);
    try {
      await rina.get('/intake');
      await rina.postForm('/logout', {});
      expect(await mine.until(() => mine.state.ended, 10_000)).toBe(true);
      await makeReport();
      expect(await theirs.until(() => theirs.state.text.includes('event: changed'), 10_000)).toBe(true);
      expect(theirs.state.ended).toBe(false);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });
});
