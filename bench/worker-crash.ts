// `npx tsx bench/worker-crash.ts [reports] [killAt]`: the worker-crash scenario at full size (default 500 reports,
// SIGKILL once 150 are queued), on its own FerretDB and Redis prefix. Prints the figures; exit 1 if a promise broke.
import '../test/setup-env'; // throw-away keys: the run uses its own database and key prefix
import { describeFigures, runWorkerCrashScenario } from '../test/support/worker-crash-scenario';

async function main(): Promise<void> {
  const reports = Number(process.argv[2] ?? 500);
  const killAt = Number(process.argv[3] ?? Math.round(reports * 0.3));
  const figures = await runWorkerCrashScenario(reports, killAt, 30 * 60_000);
  process.stdout.write(`${describeFigures(figures)}\n${JSON.stringify(figures)}\n`);
  process.exit(figures.violations.length ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
