import { UserModel } from '../../src/db/models/user.model';
import { createUser, UserError } from '../../src/users/manage-users';
import { isStaffRole, STAFF_ROLES } from '../../src/users/roles';
import { parseFlags, readStdin } from './read-stdin';
import { withDatabase } from './with-database';

const USAGE = `usage: user:create --username NAME --role ROLE [--name "Display Name"] --password-stdin\nroles: ${STAFF_ROLES.join(', ')}\n`;

// The first account (and any later one): the password comes from stdin so it never shows in shell history or `ps`.
export async function userCreate(args: string[]): Promise<number> {
  const flags = parseFlags(args);
  const username = flags.get('username');
  const role = flags.get('role');
  const name = flags.get('name');
  if (typeof username !== 'string' || typeof role !== 'string' || flags.get('password-stdin') !== true) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!isStaffRole(role)) {
    process.stderr.write(`unknown role ${role}\n${USAGE}`);
    return 2;
  }
  const password = await readStdin();
  return withDatabase(async () => {
    await UserModel.init();
    try {
      const user = await createUser({ username, role, password, displayName: typeof name === 'string' ? name : undefined });
      process.stdout.write(`created ${user.username} (${user.role}); the password must be changed at first sign-in\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
  });
}
