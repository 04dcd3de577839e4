import { startProcess } from '../support/processes';
import { uniqueDatabaseUri } from '../support/database';

describe('the admin process', () => {
  it('refuses to start without SESSION_SECRET, with one line naming it', async () => {
    const admin = startProcess('admin/main.ts', { SESSION_SECRET: '', MONGODB_URI: uniqueDatabaseUri('nosecret') });
    expect(await admin.exited).toBe(1);
    const lines = admin.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: SESSION_SECRET: is required/)]);
  });
});
