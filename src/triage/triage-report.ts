import { z } from 'zod';
import {
  CATEGORIES, DANGER_ANSWERS, PRIORITIES, PROTECTION_CATEGORIES, type Category, type Priority,
} from '../reports/report-vocabulary';
import { LEXICON, type Lexicon } from './lexicon';
import { BOUNDARY, squeeze } from '../language/lexicon-tokens';
import { createTermMatcher } from './match-terms';
import { readAge } from './read-age';
import { createTriageTokeniser } from './read-tokens';

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

const PROTECTION = new Set<Category>(PROTECTION_CATEGORIES);
// Signals that say a harm is not over: it lasts until now, or the child fears going home or must go back.
const NOT_OVER = ['sampai_sekarang', 'takut_pulang'];

export function createTriage(lexicon: Lexicon) {
  const normalise = createTriageTokeniser(lexicon);
  const matchTerm = createTermMatcher(lexicon);
  const welfareIds = lexicon.signals.filter((s) => s.welfare).map((s) => s.id);
  type Tokens = ReturnType<typeof normalise>;

  /** Every lexicon signal affirmed in the text (a negated one only noted), with the tags combinations look for. */
  function readSignals(tokens: Tokens) {
    const fired: Fired[] = [];
    const tags = new Set<string>();
    const ignored: string[] = [];
    for (const signal of lexicon.signals) {
      const matches = signal.terms.flatMap((term) => matchTerm(tokens, term));
      // "belum punya akta" is still a question about an akta: a welfare topic counts negated or not.
      const affirmed = signal.welfare ? matches[0] : matches.find((m) => !m.negated);
      if (!affirmed) {
        if (matches.length && signal.weight > 0) ignored.push(matches[0]!.term);
        continue;
      }
      tags.add(signal.id);
      for (const mark of signal.marks ?? []) tags.add(mark);
      if (signal.category) tags.add(signal.category);
      if (signal.category && PROTECTION.has(signal.category) && signal.weight >= lexicon.urgentHarmWeight) tags.add('harm');
      if (signal.ongoingMarker) tags.add('ongoing');
      if (signal.youngChildMarker) tags.add('young_child');
      if (signal.weight > 0 || signal.ongoingMarker || signal.youngChildMarker) {
        fired.push({ id: signal.id, reason: `${signal.reason} ("${affirmed.term}")`, weight: signal.weight, category: signal.category });
      }
    }
    return { fired, tags, ignored };
  }

  /** The reporter's own answers count as signals too. */
  function readAnswers(input: z.output<typeof TriageInputSchema>, fired: Fired[], tags: Set<string>): Category | undefined {
    const answers = lexicon.answers;
    const answerCategory = input.category && input.category !== 'lainnya' ? input.category : undefined;
    const categoryRule = answerCategory ? answers.categories[answerCategory] : undefined;
    if (answerCategory) tags.add(answerCategory);
    if (answerCategory && PROTECTION.has(answerCategory)) tags.add('harm');
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
    return answerCategory;
  }

  // A message typed in capitals, or with "!!!", is shouted: with a harm and a plea or "now" it is an emergency.
  function isShouting(text: string): boolean {
    const letters = text.match(/\p{L}/gu) ?? [];
    if (/!{3,}/.test(text)) return true;
    if (letters.length < lexicon.shouting.minLetters) return false;
    return letters.filter((c) => c !== c.toLowerCase()).length / letters.length >= lexicon.shouting.upperShare;
  }

  // Told as past and settled ("dulu … sudah dipenjara, sekarang aman"): lowered. Only a `safe` ending settles a harm
  // of P1 weight; a plea or shouting in the same text contradicts it, and a person reviews it.
  function toldAsSettled(tags: Set<string>, severe: boolean, grave: boolean): { atMost: Priority; reason: string } | undefined {
    // "bapak dipenjara … udah gak makan dari kemarin": a serious harm told as lasting until now is not over, whoever
    // was arrested; missing a child in danger is the worst error, so it is not lowered.
    if (grave && NOT_OVER.some((tag) => tags.has(tag))) return undefined;
    if (!(tags.has('safe') || (tags.has('settled') && !severe))) return undefined;
    if (tags.has('plea') || tags.has('shouting')) return { atMost: lexicon.review.priority, reason: lexicon.review.conflict };
    return { atMost: lexicon.resolved.cap, reason: lexicon.resolved.reason };
  }

  // A topic asked about, with nothing told as happening now or again, is not an emergency: a person answers it.
  function askedAboutATopic(tags: Set<string>): { atMost: Priority; reason: string } | undefined {
    const aboutATopic = tags.has('general') && !['plea', 'now', 'ongoing', 'shouting'].some((tag) => tags.has(tag));
    return aboutATopic ? { atMost: lexicon.general.cap, reason: lexicon.general.reason } : undefined;
  }

  // "Hidungnya berdarah tapi sudah berhenti dan sudah diobati": the injury is real, the danger is over.
  function lowerTreatedInjuries(fired: Fired[], tags: Set<string>): string | undefined {
    if (!tags.has('treated')) return undefined;
    const injuries = fired.filter((f) => lexicon.treated.signals.includes(f.id) && f.weight > lexicon.treated.weight);
    for (const f of injuries) (f.weight = lexicon.treated.weight, tags.delete(f.id));
    return injuries.length ? lexicon.treated.reason : undefined;
  }

  // Greetings and "mau tanya" with nothing told yet: a person answers soon, whatever else the words looked like.
  const contentlessWords = new Set(lexicon.contentless.words.map(squeeze));
  const isContentless = (tokens: Tokens) => {
    const words = tokens.filter((tk) => tk.word !== BOUNDARY && !/^\d+$/.test(tk.word));
    return words.length > 0 && words.every((tk) => contentlessWords.has(tk.word) || tk.forms.some((f) => contentlessWords.has(f)));
  };

  const t = lexicon.thresholds;
  const fromScore = (score: number): Priority => (score >= t.P1 ? 'P1' : score >= t.P2 ? 'P2' : score >= t.P3 ? 'P3' : 'P4');
  const moreUrgent = (a: Priority, b: Priority) => PRIORITIES.indexOf(a) < PRIORITIES.indexOf(b);

  return function triageReport(rawInput: TriageInput): TriageResult {
    const input = TriageInputSchema.parse(rawInput);
    const tokens = normalise(input.text);
    const { fired, tags, ignored } = readSignals(tokens);
    const treatedNote = lowerTreatedInjuries(fired, tags);
    const answerCategory = readAnswers(input, fired, tags);
    if (isShouting(input.text)) tags.add('shouting');
    const combos = lexicon.combos
      .filter((combo) => combo.all.every((tag) => tags.has(tag)))
      .map((combo) => ({ id: combo.id, reason: combo.reason, weight: combo.weight, category: combo.category }));

    // Harms do not add up (a slap described three ways is still a slap), nor do aggravating combinations;
    // stated danger adds to both.
    const harm = Math.max(0, ...fired.filter((f) => f.category).map((f) => f.weight));
    const aggravation = Math.max(0, ...combos.map((c) => c.weight));
    const danger = fired.filter((f) => !f.category).reduce((sum, f) => sum + f.weight, 0);
    let priority = fromScore(harm + aggravation + danger);
    fired.push(...combos);

    const notes: string[] = treatedNote ? [treatedNote] : [];
    if (tags.has('shouting') && tags.has('harm')) notes.push(lexicon.shouting.reason);
    if (input.immediateDanger !== 'yes') {
      const severe = harm >= t.P1 || danger >= t.P1;
      const grave = severe || aggravation >= t.P1;
      for (const rule of [toldAsSettled(tags, severe, grave), askedAboutATopic(tags)]) {
        if (rule && moreUrgent(priority, rule.atMost)) {
          priority = rule.atMost;
          notes.push(rule.reason);
        }
      }
    }

    const reasons = fired
      .sort((a, b) => b.weight - a.weight)
      .map((f) => f.reason)
      .concat(notes)
      .filter((r, i, all) => all.indexOf(r) === i);
    for (const term of ignored) reasons.push(`disangkal, tidak dihitung ("${term}")`);
    const category = answerCategory ?? inferCategory(fired, tokens);

    // Nothing understood (no harm, no question we know, nothing denied): a person reads it soon, not in a week.
    const understood = fired.some((f) => f.weight > 0) || ignored.length > 0 || welfareIds.some((id) => tags.has(id)) || category !== 'lainnya';
    if (!understood && moreUrgent(lexicon.review.priority, priority)) {
      priority = lexicon.review.priority;
      reasons.push(lexicon.review.nothingUnderstood);
    } else if (isContentless(tokens) && moreUrgent(lexicon.review.priority, priority)) {
      priority = lexicon.review.priority;
      reasons.push(lexicon.contentless.reason);
    }
    if (reasons.length === 0) reasons.push('tidak ada tanda bahaya: pertanyaan atau layanan kesejahteraan');
    return { priority, category, reasons, version: lexicon.version };
  };

  function inferCategory(fired: Fired[], tokens: Tokens): Category {
    const strongest = fired.filter((f) => f.category).sort((a, b) => b.weight - a.weight)[0];
    if (strongest?.category) return strongest.category;
    for (const [category, terms] of Object.entries(lexicon.signalCategories)) {
      if (terms?.some((term) => matchTerm(tokens, term).some((m) => !m.negated))) return category as Category;
    }
    return 'lainnya';
  }
}

/** Triage with the lexicon shipped in the repository. */
export const triageReport = createTriage(LEXICON);
export const TRIAGE_VERSION = LEXICON.version;
