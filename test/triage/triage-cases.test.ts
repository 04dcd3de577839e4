import fs from 'node:fs';
import path from 'node:path';
import { PRIORITIES } from '../../src/reports/report-vocabulary';
import { triageReport } from '../../src/triage/triage-report';
import { isAcceptable } from '../../scripts/eval/score';

// The reviewed test set: reports written as the public writes them, each with the priority a duty officer would give.
const CASES = fs
  .readFileSync(path.join(__dirname, '../fixtures/triage-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { expected: (typeof PRIORITIES)[number]; text: string } & Record<string, unknown>);

// Reached 0.98 with lexicon triage-2026.11-1, which was tuned on this set. Issue 12 changed the policy some of its
// labels encode (child marriage, begging and extortion P2; burns, confinement and sale P1; nothing understood P2, so
// "tes" is no longer P4): with triage-2026.12-1 it is 0.906 exact and 170 of 171 acceptable (exact, or one level more
// urgent; the one left is "tes"). triage-2026.12-2 (issue 12 again): a child about to be married off ("mau
// dinikahkan", "nikahkan … bulan depan") is P1, and a greeting or question with no concern ("halo, ini layanan apa ya")
// is P2 "perlu tinjauan"; those four labels follow. triage-2026.12-4 (the safety net, a team decision): a harm named and
// not told as over is at least P2, and P1 with a sign of now or a young child, so 20 labels of the older policy (P3 for a
// slap, P2 for a young child hurt) are now one level more urgent: 0.860 exact, still 169 of 171 acceptable. The labels
// are kept as written; the exact bar follows the policy, the acceptable bar and no P1 missed stay.
// The bars leave room for honest new cases without hiding a regression.
const EXACT_SHARE_AT_LEAST = 0.85;
const ACCEPTABLE_SHARE_AT_LEAST = 0.98;

describe('triage on the public-style test set', () => {
  const results = CASES.map(({ expected, ...input }) => ({ expected, input, got: triageReport(input) }));

  it('has at least 150 cases covering every priority', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    for (const p of PRIORITIES) expect(CASES.filter((c) => c.expected === p).length).toBeGreaterThanOrEqual(20);
  });

  it('misses no true P1 and triages most cases exactly or one level more urgent', () => {
    const exact = results.filter((r) => r.got.priority === r.expected).length;
    const trueP1 = results.filter((r) => r.expected === 'P1');
    const missedP1 = trueP1.filter((r) => r.got.priority !== 'P1');
    const wrong = results.filter((r) => r.got.priority !== r.expected);
    process.stdout.write(
      `triage test set (${results[0]?.got.version}): ${results.length} cases, exact ${exact}/${results.length} = ` +
        `${(exact / results.length).toFixed(3)}; true P1 missed ${missedP1.length}/${trueP1.length} = ` +
        `${(missedP1.length / trueP1.length).toFixed(3)}\n` +
        wrong.map((r) => `  expected ${r.expected}, got ${r.got.priority}: ${r.input.text}\n`).join(''),
    );
    expect(missedP1.map((r) => r.input.text)).toEqual([]);
    expect(exact / results.length).toBeGreaterThanOrEqual(EXACT_SHARE_AT_LEAST);
    const acceptable = results.filter((r) => isAcceptable(r.expected, r.got.priority)).length;
    expect(acceptable / results.length).toBeGreaterThanOrEqual(ACCEPTABLE_SHARE_AT_LEAST);
  });

  it('explains every priority with at least one reason', () => {
    for (const r of results) expect(r.got.reasons.length).toBeGreaterThan(0);
  });
});
