import { setPassword, UserError } from '../../src/users/manage-users';
import { parseFlags, readStdin } from './read-stdin';
import { withDatabase } from './with-database';

// Sets a temporary password (from stdin), ends the account's sessions, forces a change at next sign-in.
export async function userResetPassword(args: string[]): Promise<number> {
  const flags = parseFlags(args);
  const username = flags.get('username');
  if (typeof username !== 'string' || flags.get('password-stdin') !== true) {
    process.stderr.write('usage: user:reset-password --username NAME --password-stdin\n');
    return 2;
  }
  const password = await readStdin();
  return withDatabase(async () => {
    try {
      await setPassword(username, password, true);
      process.stdout.write(`password of ${username.toLowerCase()} reset; it must be changed at next sign-in\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
  });
}
