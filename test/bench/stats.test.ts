import { jobTimesFromLog, maxInWindow, pct, spread, targetsMet } from '../../bench/stats';

// The bench's figures are only as true as its arithmetic: these pin the parts a wrong README line would come from.

describe('bench arithmetic', () => {
  it('p99 of 100 values is the 100th, p50 the 51st; no values give no percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
    expect(pct(values, 0.99)).toBe(100);
    expect(pct(values, 0.5)).toBe(51);
    expect(spread([])).toEqual({ n: 0, p50: null, p99: null });
    expect(maxInWindow([1999, 0, 999, 1000, 1500])).toBe(3); // 999..1998 or 1000..1999, never 0 with 1000
  });

  it("reads the triage jobs' times from the worker's log, skipping other jobs and cut lines", () => {
    const log = [
      JSON.stringify({ level: 30, job: 'triage', ms: 12, msg: 'job done' }),
      JSON.stringify({ level: 30, job: 'alert', ms: 40, msg: 'job done' }),
      JSON.stringify({ level: 30, msg: 'worker ready' }),
      '{"level":30,"job":"triage","ms":',
      JSON.stringify({ level: 30, job: 'triage', ms: 7, msg: 'job done' }),
    ].join('\n');
    expect(jobTimesFromLog(log, 'triage')).toEqual([12, 7]);
  });

  it('a target is missed by one slow size or one unseen alert, and unmeasured when the part did not run', () => {
    const fast = { confirmToQueued: { n: 200, p50: 300, p99: 900 }, dangerToAlert: { n: 40, p50: 900, p99: 2000 }, dangerReporters: 40 };
    const slow = { ...fast, confirmToQueued: { n: 1000, p50: 600, p99: 1400 } };
    const unseen = { ...fast, dangerToAlert: { n: 39, p50: 900, p99: 2000 } };
    const met = targetsMet({ intake: [{ messagesPerSecond: 0.85, replyMsP99: 2.1 }], pipeline: [fast, slow] });
    expect(met).toEqual({
      confirmToQueuedP99Under1s: false, dangerToAlertP99Under3s: true, intakeAtLeast08xBaseline: true,
      replyP99Within2xBaseline: false, botsRssUnder200MbWith10000Drafts: null,
    });
    expect(targetsMet({ intake: [], pipeline: [unseen] }).dangerToAlertP99Under3s).toBe(false);
    expect(targetsMet({ intake: [], pipeline: [] }).confirmToQueuedP99Under1s).toBeNull();
    expect(targetsMet({ intake: [], pipeline: [], memory: { openDrafts: 500, botRssAfterMb: 150 } }).botsRssUnder200MbWith10000Drafts).toBeNull();
    expect(targetsMet({ intake: [], pipeline: [], memory: { openDrafts: 10_000, botRssAfterMb: 230 } }).botsRssUnder200MbWith10000Drafts).toBe(false);
  });
});
