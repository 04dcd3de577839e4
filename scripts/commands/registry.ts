import { doctor } from './doctor';
import { reencrypt } from './reencrypt';
import { triageCommand } from './triage';
import { userCreate } from './user-create';
import { userResetPassword } from './user-reset-password';

// Each command takes its arguments and returns the process exit code.
export type Command = (args: string[]) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  doctor,
  reencrypt,
  triage: triageCommand,
  'user:create': userCreate,
  'user:reset-password': userResetPassword,
};
