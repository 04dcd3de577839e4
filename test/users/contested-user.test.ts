import { ExclusiveSlotModel } from '../../src/db/models/exclusive-slot.model';
import { UserModel } from '../../src/db/models/user.model';
import { setPassword, signOutEverywhere } from '../../src/users/manage-users';
import { verifyPassword } from '../../src/users/passwords';
import { requestGrant } from '../../src/users/role-grants';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { makeUser } from '../factories/users';
import { useTestDatabase } from '../support/database';

useTestDatabase('contesteduser');

const ADMIN = { id: 'u-admin', name: 'Admin', role: 'admin' };

describe('several changes to one staff account at once', () => {
  beforeAll(async () => {
    await Promise.all([UserModel.init(), ExclusiveSlotModel.init(), AuditEventModel.init()]);
  });

  it('an account put on hold while its password is reset and its sessions signed out keeps all three changes', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await makeUser('pekerja_sosial', `contested${round}`);
      await Promise.all([
        requestGrant(user.id, 'pekerja_sosial', ADMIN),
        setPassword(user.username, 'kuda-baterai-benar-baru', true),
        signOutEverywhere(user.id),
      ]);
      const stored = (await UserModel.findById(user._id).lean())!;
      expect(stored).toMatchObject({ active: false, pendingGrant: { role: 'pekerja_sosial' }, mustChangePassword: true });
      expect(await verifyPassword(stored.passwordHash, 'kuda-baterai-benar-baru')).toBe(true);
      // Each change ends the sessions from before it: each writes a version above the one it read.
      expect(stored.sessionVersion).toBe(user.sessionVersion + 3);
    }
  }, 120_000); // argon2id (64 MiB, t=3) twice a round on a loaded machine
});
