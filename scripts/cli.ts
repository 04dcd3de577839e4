// `npm run -s cli -- <command> [args]`: operator commands, one file each in scripts/commands/.
import { COMMANDS } from './commands/registry';

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: npm run -s cli -- <command>\ncommands: ${Object.keys(COMMANDS).join(', ')}\n`);
    process.exit(2);
  }
  process.exitCode = await command(args);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
