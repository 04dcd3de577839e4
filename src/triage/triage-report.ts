import { z } from 'zod';
import { CATEGORIES, DANGER_ANSWERS, type Category, type Priority } from '../reports/report-vocabulary';
import { LEXICON, type Lexicon } from './lexicon';
import { createTermMatcher } from './match-terms';
import { createNormaliser } from './normalise-text';
import { readAge } from './read-age';

/** What triage reads: the reporter's answers and the free text. */
export const TriageInputSchema = z.object({
  text: z.string().max(20_000).default(''),
  category: z.enum(CATEGORIES).optional(),
  childAge: z.number().int().min(0).max(120).optional(),
  immediateDanger: z.enum(DANGER_ANSWERS).optional(),
  ongoing: z.boolean().optional(),
});
export type TriageInput = z.input<typeof TriageInputSchema>;

export interface TriageResult {
  priority: Priority;
  category: Category;
  /** One line per rule that fired, strongest first (Bahasa Indonesia, from the lexicon). */
  reasons: string[];
  /** The lexicon version that produced this result, recorded on the report. */
  version: string;
}

interface Fired {
  id: string;
  reason: string;
  weight: number;
  category?: Category;
}

export function createTriage(lexicon: Lexicon) {
  const normalise = createNormaliser(lexicon);
  const matchTerm = createTermMatcher(lexicon);

  return function triageReport(rawInput: TriageInput): TriageResult {
    const input = TriageInputSchema.parse(rawInput);
    const tokens = normalise(input.text);
    const fired: Fired[] = [];
    const tags = new Set<string>();
    const ignored: string[] = [];

    for (const signal of lexicon.signals) {
      const matches = signal.terms.flatMap((term) => matchTerm(tokens, term));
      const affirmed = matches.find((m) => !m.negated);
      if (!affirmed) {
        if (matches.length && signal.weight > 0) ignored.push(matches[0]!.term);
        continue;
      }
      tags.add(signal.id);
      if (signal.category) tags.add(signal.category);
      if (signal.ongoingMarker) tags.add('ongoing');
      if (signal.youngChildMarker) tags.add('young_child');
      if (signal.weight > 0 || signal.ongoingMarker || signal.youngChildMarker) {
        fired.push({ id: signal.id, reason: `${signal.reason} ("${affirmed.term}")`, weight: signal.weight, category: signal.category });
      }
    }

    const answers = lexicon.answers;
    const answerCategory = input.category && input.category !== 'lainnya' ? input.category : undefined;
    const categoryRule = answerCategory ? answers.categories[answerCategory] : undefined;
    if (answerCategory) tags.add(answerCategory);
    if (answerCategory && categoryRule) fired.push({ id: answerCategory, reason: categoryRule.reason, weight: categoryRule.weight, category: answerCategory });
    if (input.immediateDanger === 'yes') fired.push({ id: 'danger', reason: answers.immediateDangerYes.reason, weight: answers.immediateDangerYes.weight });
    if (input.ongoing) {
      tags.add('ongoing');
      fired.push({ id: 'ongoing_answer', reason: answers.ongoing.reason, weight: answers.ongoing.weight });
    }
    const age = input.childAge ?? readAge(input.text);
    if (age !== undefined && age <= lexicon.youngChildMaxAge) {
      tags.add('young_child');
      fired.push({ id: 'young_age', reason: `usia anak ${age} tahun`, weight: 0 });
    }
    const combos = lexicon.combos
      .filter((combo) => combo.all.every((t) => tags.has(t)))
      .map((combo) => ({ id: combo.id, reason: combo.reason, weight: combo.weight }));

    // Harms do not add up (a slap described three ways is still a slap), nor do aggravating combinations;
    // stated danger adds to both.
    const harm = Math.max(0, ...fired.filter((f) => f.category).map((f) => f.weight));
    const aggravation = Math.max(0, ...combos.map((c) => c.weight));
    const danger = fired.filter((f) => !f.category).reduce((sum, f) => sum + f.weight, 0);
    const score = harm + aggravation + danger;
    fired.push(...combos);
    const t = lexicon.thresholds;
    const priority: Priority = score >= t.P1 ? 'P1' : score >= t.P2 ? 'P2' : score >= t.P3 ? 'P3' : 'P4';

    const reasons = fired
      .sort((a, b) => b.weight - a.weight)
      .map((f) => f.reason)
      .filter((r, i, all) => all.indexOf(r) === i);
    for (const term of ignored) reasons.push(`disangkal, tidak dihitung ("${term}")`);
    if (reasons.length === 0) reasons.push('tidak ada tanda bahaya: pertanyaan atau layanan kesejahteraan');
    return { priority, category: answerCategory ?? inferCategory(fired, tokens, lexicon, matchTerm), reasons, version: lexicon.version };
  };
}

function inferCategory(
  fired: Fired[],
  tokens: ReturnType<ReturnType<typeof createNormaliser>>,
  lexicon: Lexicon,
  matchTerm: ReturnType<typeof createTermMatcher>,
): Category {
  const strongest = fired.filter((f) => f.category).sort((a, b) => b.weight - a.weight)[0];
  if (strongest?.category) return strongest.category;
  for (const [category, terms] of Object.entries(lexicon.signalCategories)) {
    if (terms?.some((term) => matchTerm(tokens, term).some((m) => !m.negated))) return category as Category;
  }
  return 'lainnya';
}

/** Triage with the lexicon shipped in the repository. */
export const triageReport = createTriage(LEXICON);
export const TRIAGE_VERSION = LEXICON.version;
