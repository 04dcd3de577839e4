import readline from 'node:readline';
import { TriageInputSchema, triageReport } from '../../src/triage/triage-report';

/**
 * `npm run -s cli -- triage`: one JSON object per stdin line in, one JSON line out in the same order:
 * {priority, category, reasons}, or {error} for a line that is not a valid input. Blank lines are skipped.
 */
export async function triageCommand(
  _args: string[],
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    output.write(`${JSON.stringify(triageLine(line))}\n`);
  }
  return 0;
}

function triageLine(line: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  const parsed = TriageInputSchema.extend({ text: TriageInputSchema.shape.text.unwrap() }).safeParse(json);
  if (!parsed.success) {
    return { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') };
  }
  const { priority, category, reasons } = triageReport(parsed.data);
  return { priority, category, reasons };
}
