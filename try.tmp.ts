import { send, text, draftAt } from './test/support/engine';
import type { Draft } from './src/intake/draft';
let d: Draft | null = null;
const script = process.argv.slice(2);
for (const m of script) {
  const r = send(d, text(m));
  console.log('>>', m, '\n  ', r.replies.map((x) => x.text.replace(/\n/g, ' / ').slice(0, 160) + (x.options ? ` [${x.options.map(o=>o.label).join('|')}]` : '')).join('\n   '), '\n   effects', JSON.stringify(r.effects), 'step', r.draft?.step);
  d = r.draft;
}
console.log(JSON.stringify(d?.answers));
