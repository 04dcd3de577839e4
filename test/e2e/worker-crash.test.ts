import { describeFigures, runWorkerCrashScenario } from '../support/worker-crash-scenario';

// The full 500-report run is `npx tsx bench/worker-crash.ts`; here the same scenario with fewer reports, enough that
// the worker is still busy when the kill comes (60 were sometimes all queued within the first second).
const REPORTS = 200;

describe('a worker killed with SIGKILL in the middle of its reports, then started again', () => {
  it('leaves every report queued, each routed exactly once, each with at most one alert', async () => {
    const figures = await runWorkerCrashScenario(REPORTS, 20, 90_000);
    process.stdout.write(`${describeFigures(figures)}\n`);
    expect(figures.violations).toEqual([]);
    expect(figures.queuedAtKill).toBeLessThan(REPORTS);
    expect(figures.maxAlertsPerReport).toBe(1);
  }, 240_000);
});
