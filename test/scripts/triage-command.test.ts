import { spawn } from 'node:child_process';
import { ROOT } from '../support/processes';

// The real command as an operator runs it: `npm run -s cli -- triage` with JSON lines on stdin.
function runTriageCommand(stdin: string): Promise<{ code: number | null; lines: unknown[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', 'triage'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, lines: out.split('\n').filter(Boolean).map((l) => JSON.parse(l)) }));
    child.stdin.end(stdin);
  });
}

describe('npm run -s cli -- triage', () => {
  it('answers each line in order, with an error line for bad input, and exits 0', async () => {
    const input = [
      JSON.stringify({ text: 'tolooong anaksy diperkosa tetangga' }),
      'this is not json',
      JSON.stringify({ text: 'mau tanya cara urus akta kelahiran' }),
      JSON.stringify({ category: 'kekerasan_fisik' }),
      JSON.stringify({ text: 'dipukul tiap hari', category: 'kekerasan_fisik', childAge: 9, immediateDanger: 'no', ongoing: true }),
      JSON.stringify({ text: 'x', immediateDanger: 'maybe' }),
      JSON.stringify({ text: 'bocahe ora digebuki maneh' }),
    ].join('\n');

    const { code, lines } = await runTriageCommand(`${input}\n`);

    expect(code).toBe(0);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ priority: 'P1', category: 'kekerasan_seksual' });
    expect((lines[0] as { reasons: string[] }).reasons.length).toBeGreaterThan(0);
    expect(lines[1]).toEqual({ error: 'not valid JSON' });
    expect(lines[2]).toMatchObject({ priority: 'P4', category: 'dokumen_kependudukan' });
    expect(lines[3]).toEqual({ error: expect.stringMatching(/^text:/) });
    expect(lines[4]).toMatchObject({ priority: 'P2', category: 'kekerasan_fisik' });
    expect(lines[5]).toEqual({ error: expect.stringMatching(/^immediateDanger:/) });
    expect(lines[6]).toMatchObject({ priority: 'P4' });
    expect(Object.keys(lines[4] as object).sort()).toEqual(['category', 'priority', 'reasons']);
  });
});
