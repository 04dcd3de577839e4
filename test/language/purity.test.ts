import fs from 'node:fs';
import path from 'node:path';

// The language layer is pure: the intake engine and triage call it on every message. Only zod and the Sastrawi
// stemmer (pure JavaScript with its dictionary inside the bundle) may be imported, and nothing outside src/language
// except the report vocabulary.
const DIR = path.resolve(__dirname, '../../src/language');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []);
}

it('src/language imports only zod, sastrawijs, its own files and the report vocabulary', () => {
  const imports = sources(DIR).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map((m) =>
      m[1]!.startsWith('.') ? path.relative(DIR, path.resolve(path.dirname(file), m[1]!)) : m[1]!));
  const outside = [...new Set(imports)].filter((spec) => !/^[a-z-]+(\/[a-z-]+)?$/.test(spec) || spec.startsWith('..'));
  expect(outside.filter((s) => s !== '../reports/report-vocabulary')).toEqual([]);
  const packages = new Set(imports.filter((s) => !s.startsWith('..') && !fs.existsSync(path.join(DIR, `${s}.ts`))));
  expect([...packages].sort()).toEqual(['sastrawijs', 'zod']);
});

it('the Sastrawi bundle loads nothing at run time (its dictionary is inside it)', () => {
  const bundle = fs.readFileSync(require.resolve('sastrawijs'), 'utf8');
  expect(bundle.match(/require\(/g) ?? []).toEqual([]);
});
