import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORIES, PRIORITIES } from '../../src/reports/report-vocabulary';
import { EVALUATED_STEPS } from './read-step-answer';

// The triage corpus (test/corpus/): reports and step answers written as the public writes them, in two parts.
// `tuning` is tuned on. `heldout` is a blind set, written by someone else and never looked at while tuning; it may be
// absent (the first held-out part was folded into tuning once it had been looked at too often), so read it only after
// `partPresent`.

export const CORPUS_DIR = path.join(__dirname, '../../test/corpus');
export const PARTS = ['tuning', 'heldout'] as const;
export type Part = (typeof PARTS)[number];

export const ReportCaseSchema = z.object({
  id: z.string(),
  voice: z.enum(['child', 'parent', 'relative', 'neighbour', 'teacher', 'health', 'other']),
  lang: z.enum(['id', 'jv', 'mkm', 'mixed', 'en']),
  text: z.string().min(1),
  expected: z.enum(PRIORITIES),
  category: z.enum(CATEGORIES),
});
export type ReportCase = z.infer<typeof ReportCaseSchema>;

export const StepAnswerCaseSchema = z.object({
  step: z.enum(EVALUATED_STEPS),
  text: z.string().min(1),
  expected: z.string(),
  /** For the age step: the age in years the text states, when it states one. */
  age: z.number().int().optional(),
});
export type StepAnswerCase = z.infer<typeof StepAnswerCaseSchema>;

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return fs
    .readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Whether both files of a part are in the repository. */
export const partPresent = (part: Part) =>
  [`messages.${part}.jsonl`, `step-answers.${part}.jsonl`].every((f) => fs.existsSync(path.join(CORPUS_DIR, f)));

export const loadReports = (part: Part) => readJsonl(`messages.${part}.jsonl`, ReportCaseSchema);
export const loadStepAnswers = (part: Part) => readJsonl(`step-answers.${part}.jsonl`, StepAnswerCaseSchema);
