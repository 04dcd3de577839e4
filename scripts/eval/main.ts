import { PRIORITIES } from '../../src/reports/report-vocabulary';
import { TRIAGE_VERSION, triageReport } from '../../src/triage/triage-report';
import { PARTS, loadReports, loadStepAnswers, partPresent, type Part } from './corpus';
import { EVALUATED_STEPS, readStepAnswer } from './read-step-answer';
import { scoreStepAnswers, scoreTriage } from './score';

// `npm run eval`: triage and step-answer figures for each part of the corpus, apart.
// The held-out part's texts are not printed (ids only) unless --show-heldout: whoever tunes the lexicon looks at the
// tuning part's failures, never the held-out part's, or the held-out figures stop meaning anything.

const showHeldout = process.argv.includes('--show-heldout');
// `--part tuning` while tuning: not even the held-out totals, so no change is kept or dropped for what they do there.
const onlyPart = process.argv[process.argv.indexOf('--part') + 1];
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '-');
const out = (line = '') => process.stdout.write(`${line}\n`);

function report(part: Part) {
  // A missing part is a state, not an error: the blind held-out set is dropped in later.
  if (!partPresent(part)) return out(`${part}: not present\n`);
  const cases = loadReports(part);
  const t = scoreTriage(cases.map((c) => ({ c, got: triageReport({ text: c.text }) })));
  const showTexts = part === 'tuning' || showHeldout;
  out(`== ${part}: ${t.total} reports (triage ${TRIAGE_VERSION})`);
  out(`priority exact      ${t.exact}/${t.total} = ${pct(t.exact, t.total)}`);
  out(`acceptable          ${t.acceptable}/${t.total} = ${pct(t.acceptable, t.total)}   (exact, or one level more urgent)`);
  out(`category right      ${t.categoryRight}/${t.total} = ${pct(t.categoryRight, t.total)}`);
  for (const p of PRIORITIES) {
    const c = t.perClass[p];
    out(`  ${p}: ${c.total} cases, exact ${pct(c.exact, c.total)}, acceptable ${pct(c.acceptable, c.total)}`);
  }
  out(`missed P1           ${t.missedP1.length} of ${t.perClass.P1.total}`);
  for (const m of t.missedP1) out(`  ${m.id} got ${m.got}${showTexts ? `: ${m.text}` : ''}`);
  if (showTexts && t.unacceptable.length) {
    out(`not acceptable (${t.unacceptable.length}):`);
    for (const u of t.unacceptable) out(`  ${u.id} expected ${u.expected} got ${u.got}: ${u.text}\n      ${u.reasons.join('; ')}`);
  }

  const answers = loadStepAnswers(part);
  const s = scoreStepAnswers(answers.map((c) => ({ c, got: readStepAnswer(c.step, c.text) })));
  out(`step answers read as meant ${s.meant}/${s.total} = ${pct(s.meant, s.total)}`);
  for (const step of EVALUATED_STEPS) {
    const c = s.perStep[step];
    if (c.total) out(`  ${step.padEnd(14)} ${String(c.meant).padStart(3)}/${String(c.total).padEnd(3)} = ${pct(c.meant, c.total)}`);
  }
  if (showTexts && s.misread.length) {
    out(`misread (${s.misread.length}):`);
    for (const m of s.misread) out(`  ${m.step}: "${m.text}" expected ${m.expected}, got ${m.got ?? 'nothing (asked again)'}`);
  }
  out();
}

for (const part of PARTS) if (!process.argv.includes('--part') || part === onlyPart) report(part);
