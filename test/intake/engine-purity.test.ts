import fs from 'node:fs';
import path from 'node:path';

// The engine must stay pure (no I/O), so any channel or a test can drive it: follow its imports and look.
const ROOT = path.resolve(__dirname, '../../src');
const ENGINE_ENTRY = path.join(ROOT, 'intake/advance-intake.ts');
const SERVICE_FILES = ['handle-inbound-message.ts', 'draft-store.ts', 'limits.ts'].map((f) => path.join(ROOT, 'intake', f));

function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  // Re-exports (`export { x } from`) load their module too.
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

it('the intake engine imports, directly or not, nothing but zod, the Sastrawi stemmer and its own pure modules', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (!spec.startsWith('.')) packages.add(spec);
      else {
        const target = path.resolve(path.dirname(file), spec);
        visit(fs.existsSync(`${target}.ts`) ? `${target}.ts` : fs.existsSync(`${target}/index.ts`) ? `${target}/index.ts` : target);
      }
    }
  };
  visit(ENGINE_ENTRY);
  // sastrawijs: pure JavaScript with its dictionary in the bundle (test/language/purity.test.ts checks it loads nothing).
  expect([...packages].filter((p) => !p.endsWith('.json')).sort()).toEqual(['sastrawijs', 'zod']);
  expect([...seen].some((f) => f.includes('/language/'))).toBe(true);
  for (const f of SERVICE_FILES) expect(seen.has(f)).toBe(false);
  expect([...seen].some((f) => f.endsWith('steps/registry.ts'))).toBe(true);
});
