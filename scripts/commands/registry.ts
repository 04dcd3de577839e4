import { triageCommand } from './triage';

// Each command takes its arguments and returns the process exit code.
export type Command = (args: string[]) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  triage: triageCommand,
};
