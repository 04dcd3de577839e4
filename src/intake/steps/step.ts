import type { District } from '../../districts/district';
import { isDontKnow, matchKey, matchOption, parseYesNo, type ChoiceOption } from '../answers';
import type { Catalogue } from '../catalogues/catalogue';
import { en } from '../catalogues/en';
import { id } from '../catalogues/id';
import type { Draft, DraftAnswers, StepId } from '../draft';
import type { IntakeEffect } from '../effects';
import type { MediaKind, OutboundMessage } from '../messages';

export interface StepContext {
  district: District;
  now: Date;
  media: { maxBytes: number; allowedTypes: readonly string[]; maxFiles: number };
}

/** What the reporter sent, already cleaned; a pressed button arrives with its step prefix checked and removed. */
export type Answer =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; value: string }
  | { kind: 'media'; media: { kind: MediaKind; mimeType?: string; size?: number; fileName?: string }; caption?: string }
  | { kind: 'location'; latitude: number; longitude: number }
  | { kind: 'unsupported' };

export type StepOutcome =
  | { type: 'invalid'; hint: string }
  /** Answers recorded; `stay` keeps the step (e.g. one more file), otherwise the flow moves to `next(draft)`. */
  | {
      type: 'answered';
      answers: Partial<DraftAnswers>;
      /** Sent before the next prompt (the emergency contacts). */
      before?: OutboundMessage[];
      effects?: IntakeEffect[];
      stay?: boolean;
      /** Replaces the next prompt (e.g. "now write what happened" after a file). */
      then?: OutboundMessage;
    }
  /** The conversation ends here without a report (consent declined, adult victim); the draft is forgotten. */
  | { type: 'end'; replies: OutboundMessage[] }
  | { type: 'action'; action: 'submit' | 'back' | 'cancel' | 'continue' | 'restart' }
  | { type: 'language'; language: Draft['language'] };

export interface Step {
  id: StepId;
  prompt(draft: Draft, ctx: StepContext, t: Catalogue): OutboundMessage;
  accept(answer: Answer, draft: Draft, ctx: StepContext, t: Catalogue): StepOutcome;
  /** The question alone, asked again under a hint when an answer could not be used (default: the prompt). */
  shortPrompt?(draft: Draft, ctx: StepContext, t: Catalogue): OutboundMessage;
  /**
   * What is recorded when the reporter's second answer in a row still cannot be read: the step's "not known" value,
   * so nobody is kept going round one question. Steps whose answer may never be assumed (consent, anonymity, contact,
   * the summary) have none.
   */
  whenUnread?(draft: Draft, ctx: StepContext, t: Catalogue): Answered;
}

export type Answered = Extract<StepOutcome, { type: 'answered' }>;

/** The "not known" answer taken, with a word that it was. */
export const movedOn = (answers: Partial<DraftAnswers>, t: Catalogue): Answered => ({
  type: 'answered',
  answers,
  before: [{ text: t.hints.unreadMovedOn }],
});

/** What an answer in the reporter's own words means at a step ("sy tetangganya", "dirumahnya"), if anything. */
export type ReadWords<V extends string> = (text: string) => V | undefined;

/** Options as the engine shows them: the value carries the step id, so a stale button is recognised. */
export function withStepPrefix(stepId: StepId, options: readonly ChoiceOption[]): OutboundMessage['options'] {
  return options.map((o) => ({ label: o.label, value: `${stepId}:${o.value}` }));
}

export interface StepOption<V extends string> extends ChoiceOption<V> {
  /** This option is what a plain yes / no / don't know / skip means. */
  means?: 'yes' | 'no' | 'dontKnow' | 'skip';
}

const SKIP_WORDS = ['lewati', 'lewat', 'skip', 'tidak ada', 'tidak mau', 'gak mau', 'none', 'pass'];

/**
 * The option a typed or pressed answer picks: button value, number, label in either language, vocabulary key,
 * or a yes/no/don't-know/skip word when an option means that.
 */
export function pickOption<V extends string>(
  answer: Answer,
  build: (t: Catalogue) => StepOption<V>[],
  t: Catalogue,
  read?: ReadWords<V>,
): V | undefined {
  const shown = build(t);
  if (answer.kind === 'choice') return shown.find((o) => o.value === answer.value)?.value;
  if (answer.kind !== 'text') return undefined;
  const other = build(t === id ? en : id);
  const options = shown.map((o, i) => ({ ...o, synonyms: [...(o.synonyms ?? []), other[i]?.label ?? ''].filter(Boolean) }));
  const matched = matchOption(answer.text, options);
  if (matched) return matched;
  const meant = read?.(answer.text);
  if (meant) return meant;
  const yn = parseYesNo(answer.text);
  const means = yn ?? (isDontKnow(answer.text) ? 'dontKnow' : SKIP_WORDS.some((w) => matchKey(w) === matchKey(answer.text)) ? 'skip' : undefined);
  return means ? options.find((o) => o.means === means)?.value : undefined;
}

/** A step whose answer is one of a fixed list of options. */
export function optionStep<V extends string>(def: {
  id: StepId;
  text: (t: Catalogue, ctx: StepContext) => string;
  options: (t: Catalogue, ctx: StepContext) => StepOption<V>[];
  apply: (value: V) => Partial<DraftAnswers>;
  /** Answers in the reporter's own words, tried after the option numbers and labels. */
  read?: ReadWords<V>;
  /** Hint when nothing matched (default: pick an option). */
  hint?: (t: Catalogue) => string;
  /** The option taken when two answers in a row cannot be read (see `Step.whenUnread`). */
  unread?: V;
}): Step {
  const unread = def.unread;
  return {
    id: def.id,
    ...(unread === undefined ? {} : { whenUnread: (_draft: Draft, _ctx: StepContext, t: Catalogue) => movedOn(def.apply(unread), t) }),
    prompt: (_draft, ctx, t) => ({ text: def.text(t, ctx), options: withStepPrefix(def.id, def.options(t, ctx)) }),
    accept(answer, _draft, ctx, t) {
      const value = pickOption(answer, (c) => def.options(c, ctx), t, def.read);
      if (value === undefined) return { type: 'invalid', hint: hintFor(answer, t, def.hint?.(t) ?? t.hints.pickOption) };
      return { type: 'answered', answers: def.apply(value) };
    },
  };
}

/** The hint for an answer a step could not use: a sticker or file where words are wanted gets its own. */
export function hintFor(answer: Answer, t: Catalogue, fallback: string): string {
  if (answer.kind === 'media') return t.media.notHere;
  if (answer.kind === 'unsupported' || answer.kind === 'location') return t.hints.textNeeded;
  return fallback;
}

export const yesNoOptions = (t: Catalogue): StepOption<'yes' | 'no'>[] => [
  { value: 'yes', label: t.options.yes, means: 'yes' },
  { value: 'no', label: t.options.no, means: 'no' },
];

export const yesNoDontKnowOptions = (t: Catalogue): StepOption<'yes' | 'no' | 'unknown'>[] => [
  ...yesNoOptions(t),
  { value: 'unknown', label: t.options.dontKnow, means: 'dontKnow' },
];
