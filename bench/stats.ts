// The bench's arithmetic, kept apart from the processes it drives so that it can be tested on its own
// (test/bench/stats.test.ts): percentiles, rates, the worker's per-job times from its log, and the targets.

/** The value at or above fraction `p` of the values (nearest rank); null for none. */
export function pct(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export interface Spread {
  n: number;
  p50: number | null;
  p99: number | null;
}

/** How many, p50 and p99 (ms, rounded): one phase's figures. */
export function spread(values: readonly number[]): Spread {
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return { n: values.length, p50: round(pct(values, 0.5)), p99: round(pct(values, 0.99)) };
}

/** a / b to two decimals; null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || !b) return null;
  return Math.round((a / b) * 100) / 100;
}

/** Count per second over `ms`, one decimal. */
export const perSecond = (count: number, ms: number): number => (ms > 0 ? Math.round((count / ms) * 10_000) / 10 : 0);

/** The most timestamps (ms) in any one-second window. */
export function maxInWindow(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** The handling time (ms) of each `job` job in a worker's pino log ("job done" lines carry job name and ms). */
export function jobTimesFromLog(output: string, job: string): number[] {
  const times: number[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('"job done"')) continue;
    try {
      const entry = JSON.parse(line) as { job?: string; ms?: number };
      if (entry.job === job && typeof entry.ms === 'number') times.push(entry.ms);
    } catch {
      // a line cut short by the process's exit
    }
  }
  return times;
}

/** "50,200" → [50, 200]; `fallback` when unset or empty. */
export function sizes(value: string | undefined, fallback: number[]): number[] {
  const parsed = (value ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  return parsed.length ? parsed : fallback;
}

export interface TargetInputs {
  intake: { messagesPerSecond: number | null; replyMsP99: number | null }[];
  pipeline: { confirmToQueued: Spread; dangerToAlert: Spread; dangerReporters: number }[];
  memory?: { openDrafts: number; botRssAfterMb: number };
}

/**
 * Issue 15's targets, each true, false or null (not measured in this run). The pipeline ones hold only when every
 * size met them and every danger reporter's alert was seen (a missing alert is no fast alert).
 */
export function targetsMet(r: TargetInputs) {
  const all = <T>(xs: T[], ok: (x: T) => boolean) => (xs.length ? xs.every(ok) : null);
  return {
    confirmToQueuedP99Under1s: all(r.pipeline, (p) => p.confirmToQueued.p99 !== null && p.confirmToQueued.p99 < 1000),
    dangerToAlertP99Under3s: all(r.pipeline, (p) =>
      p.dangerToAlert.p99 !== null && p.dangerToAlert.p99 < 3000 && p.dangerToAlert.n === p.dangerReporters),
    intakeAtLeast08xBaseline: all(r.intake, (i) => i.messagesPerSecond !== null && i.messagesPerSecond >= 0.8),
    replyP99Within2xBaseline: all(r.intake, (i) => i.replyMsP99 !== null && i.replyMsP99 <= 2),
    // Fewer drafts (BENCH_DRAFTS) is a quick look, not a measurement of this target.
    botsRssUnder200MbWith10000Drafts: r.memory && r.memory.openDrafts >= 10_000 ? r.memory.botRssAfterMb < 200 : null,
  };
}
