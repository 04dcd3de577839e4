import { execFileSync } from 'node:child_process';
import { startOwnFerretDb } from '/work/main/test/support/own-ferretdb';
(async () => { const f = await startOwnFerretDb(); console.log(execFileSync('node', [process.env.PROBE!, f.uri('p')], { encoding: 'utf8' })); await f.stop(); })();
