import { z } from 'zod';
import { CATEGORIES } from '../reports/report-vocabulary';
import raw from './lexicon.json';

// The triage rules are reviewed data (lexicon.json); this file only states their shape, checked once at load.

const category = z.enum(CATEGORIES);

const SignalSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  reason: z.string().min(1),
  weight: z.number().min(0),
  category: category.optional(),
  terms: z.array(z.string().min(2)).min(1),
  ongoingMarker: z.boolean().optional(),
  youngChildMarker: z.boolean().optional(),
  welfare: z.boolean().optional(),
});

export const LexiconSchema = z.object({
  version: z.string().min(1),
  thresholds: z.object({ P1: z.number(), P2: z.number(), P3: z.number() }),
  youngChildMaxAge: z.number().int().min(0),
  negationWindow: z.number().int().min(1),
  abbreviations: z.record(z.string(), z.string()),
  negators: z.array(z.string()),
  negationCancellers: z.array(z.string()),
  clauseBreaks: z.array(z.string()),
  prefixes: z.array(z.string()),
  suffixes: z.array(z.string()),
  shortWords: z.array(z.string()),
  commonWords: z.array(z.string()),
  signals: z.array(SignalSchema),
  signalCategories: z.partialRecord(category, z.array(z.string())),
  combos: z.array(z.object({ id: z.string(), reason: z.string(), weight: z.number().min(0), all: z.array(z.string()).min(2) })),
  answers: z.object({
    immediateDangerYes: z.object({ reason: z.string(), weight: z.number() }),
    ongoing: z.object({ reason: z.string(), weight: z.number() }),
    categories: z.partialRecord(category, z.object({ reason: z.string(), weight: z.number() })),
  }),
});
export type Lexicon = z.infer<typeof LexiconSchema>;
export type Signal = z.infer<typeof SignalSchema>;

export const LEXICON: Lexicon = LexiconSchema.parse(raw);
