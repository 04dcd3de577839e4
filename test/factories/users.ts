import { createUser } from '../../src/users/manage-users';
import type { StaffRole } from '../../src/users/roles';

export const TEST_PASSWORD = 'correct-horse-battery';

/** A staff account ready to work (no forced password change unless asked). */
export async function makeUser(role: StaffRole, username: string = role.replace(/_/g, '.'), mustChangePassword = false) {
  return createUser({ username, role, password: TEST_PASSWORD, displayName: `Test ${role}`, mustChangePassword });
}
