import { converse, figuresOf, makeNaturalReporter } from '../test/support/natural-reporters';
import { engineContext } from '../test/support/engine';
import { createPrng } from '../test/support/prng';

// `npx tsx bench/conversation-sim.ts [reporters] [seed]`: scripted natural reporters through the real engine (no
// Redis, no channel); prints answers to the ticket (median, question by question and after a first-message story),
// re-asked questions per report, and reports lost. test/intake/conversation-simulator.test.ts asserts the targets.
const reporters = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 12);
const rng = createPrng(seed);
const ctx = engineContext();
const started = performance.now();
const conversations = Array.from({ length: reporters }, () => converse(rng, makeNaturalReporter(rng, ctx.district.kecamatan), ctx));
const figures = figuresOf(conversations);
const byStyle = Object.fromEntries((['id', 'jv', 'min', 'en'] as const).map((style) => {
  const mine = conversations.filter((c) => c.reporter.style === style);
  return [style, { reporters: mine.length, reasksPerReport: +(mine.reduce((n, c) => n + c.reasks, 0) / mine.length).toFixed(3) }];
}));
console.log(JSON.stringify({ seed, ...figures, byStyle, ms: Math.round(performance.now() - started) }, null, 2));
