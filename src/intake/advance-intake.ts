import { cleanText, matchKey } from './answers';
import type { Catalogue } from './catalogues/catalogue';
import { catalogueFor } from './catalogues/catalogue-for';
import { newDraft, type Draft, type StepId } from './draft';
import type { IntakeEffect } from './effects';
import type { InboundMessage, OutboundMessage } from './messages';
import { emergencyMessage } from './steps/danger';
import { STEPS } from './steps/registry';
import type { Answer, StepContext } from './steps/step';

// The conversation engine: current draft + one message in, next draft + replies + effects (as data) out.
// Pure: no I/O, no clock or randomness of its own (both come in through the context).

export interface EngineContext extends StepContext {
  newDraftId: () => string;
  /** A draft untouched for this long is offered "continue or start again" on the next message. */
  resumeAfterMinutes: number;
}

export interface IntakeResult {
  /** The draft to keep, or null when there is none (never started, cancelled, ended, or about to be submitted). */
  draft: Draft | null;
  replies: OutboundMessage[];
  effects: IntakeEffect[];
}

type GlobalWord = 'cancel' | 'back' | 'help' | 'status' | 'language' | 'start' | 'emergency';
const GLOBAL_WORDS: Record<string, GlobalWord> = {
  batal: 'cancel', cancel: 'cancel', batalkan: 'cancel',
  kembali: 'back', back: 'back',
  bantuan: 'help', help: 'help',
  // Someone typing these may be in danger now: the emergency numbers, whatever the question was.
  tolong: 'emergency', darurat: 'emergency', emergency: 'emergency', sos: 'emergency',
  status: 'status',
  bahasa: 'language', language: 'language', lang: 'language',
  start: 'start', mulai: 'start',
};

/** Steps that are detours, not questions of the report: never in the back history. */
const DETOURS: readonly StepId[] = ['resume', 'language'];

export function advanceIntake(current: Draft | null, message: InboundMessage, ctx: EngineContext): IntakeResult {
  const word = message.kind === 'text' ? GLOBAL_WORDS[matchKey(message.text ?? '')] : undefined;
  if (!current) return withoutDraft(word, message, ctx);

  const draft: Draft = { ...current, updatedAt: ctx.now.toISOString() };
  const t = catalogueFor(draft.language);
  const idleMs = ctx.now.getTime() - Date.parse(current.updatedAt);
  const canResume = draft.step !== 'consent' && !DETOURS.includes(draft.step);
  if (canResume && (word === 'start' || idleMs > ctx.resumeAfterMinutes * 60_000)) {
    return show({ ...draft, step: 'resume', returnTo: draft.step }, ctx);
  }

  switch (word) {
    case 'cancel':
      return { draft: null, replies: [{ text: t.cancelled }], effects: [{ type: 'forget_draft' }] };
    case 'back':
      return goBack(draft, ctx, t);
    case 'help':
      return show(draft, ctx, [{ text: t.help }]);
    case 'status':
      return { ...show(draft, ctx), effects: [{ type: 'list_status' }] };
    case 'language':
      if (draft.step === 'language') return show(draft, ctx);
      return show({ ...draft, step: 'language', returnTo: DETOURS.includes(draft.step) ? draft.returnTo : draft.step }, ctx);
    case 'start':
      return show(draft, ctx);
    case 'emergency':
      return show(draft, ctx, [emergencyMessage(ctx.district, t)]);
    default:
      break;
  }

  const answer = toAnswer(message);
  if (answer === 'stale') return show(draft, ctx, [], t.hints.staleButton);
  if (answer.kind === 'choice' && !answer.value.startsWith(`${draft.step}:`)) return show(draft, ctx, [], t.hints.staleButton);
  const stepAnswer: Answer = answer.kind === 'choice' ? { kind: 'choice', value: answer.value.slice(draft.step.length + 1) } : answer;

  const step = STEPS[draft.step];
  const outcome = step.accept(stepAnswer, draft, ctx, t);
  switch (outcome.type) {
    case 'invalid':
      return show(draft, ctx, [], outcome.hint);
    case 'end':
      return { draft: null, replies: outcome.replies, effects: [{ type: 'forget_draft' }] };
    case 'language': {
      const next = { ...draft, language: outcome.language, step: draft.returnTo ?? 'consent', returnTo: undefined };
      return show(next, ctx);
    }
    case 'action':
      switch (outcome.action) {
        case 'submit':
          return { draft, replies: [], effects: [{ type: 'submit' }] };
        case 'back':
          return goBack(draft, ctx, t);
        case 'cancel':
          return { draft: null, replies: [{ text: t.cancelled }], effects: [{ type: 'forget_draft' }] };
        case 'continue':
          return show({ ...draft, step: draft.returnTo ?? 'consent', returnTo: undefined }, ctx);
        case 'restart': {
          const fresh = newDraft({ id: ctx.newDraftId(), channel: draft.channel, chatId: draft.chatId, now: ctx.now, language: draft.language });
          return { ...show(fresh, ctx), effects: [{ type: 'forget_draft' }] };
        }
      }
      break;
    case 'answered': {
      const effects = outcome.effects ?? [];
      let next: Draft = { ...draft, answers: { ...draft.answers, ...outcome.answers } };
      if (effects.some((e) => e.type === 'urgent_alert')) next.urgentAlerted = true;
      if (!outcome.stay) next = { ...next, step: step.next(next), history: [...draft.history, draft.step] };
      const prompt = outcome.then ?? STEPS[next.step].prompt(next, ctx, catalogueFor(next.language));
      return { draft: next, replies: [...(outcome.before ?? []), prompt], effects };
    }
  }
  return show(draft, ctx);
}

/** Where a message lands when the chat has no draft: most messages start one with the greeting. */
function withoutDraft(word: GlobalWord | undefined, message: InboundMessage, ctx: EngineContext): IntakeResult {
  const t = catalogueFor('id');
  if (word === 'status') return { draft: null, replies: [{ text: t.status.startHint }], effects: [{ type: 'list_status' }] };
  if (word === 'help') return { draft: null, replies: [{ text: `${t.help}\n\n${t.status.startHint}` }], effects: [] };
  if (word === 'cancel') return { draft: null, replies: [{ text: t.nothingToCancel }], effects: [] };
  const draft = newDraft({ id: ctx.newDraftId(), channel: message.channel, chatId: message.chatId, now: ctx.now });
  if (word === 'emergency') return show(draft, ctx, [emergencyMessage(ctx.district, t)]);
  if (word === 'language') return show({ ...draft, step: 'language', returnTo: 'consent' }, ctx);
  return show(draft, ctx);
}

/** The draft's current question again, with a hint above it: for the service when an effect could not be done. */
export function askAgain(draft: Draft, ctx: EngineContext, hint: string): OutboundMessage[] {
  return show(draft, ctx, [], hint).replies;
}

/** The draft's current step asked (again), after any messages given, with an optional hint in front of it. */
function show(draft: Draft, ctx: EngineContext, before: OutboundMessage[] = [], hint?: string): IntakeResult {
  const prompt = STEPS[draft.step].prompt(draft, ctx, catalogueFor(draft.language));
  const asked = hint ? { ...prompt, text: `${hint}\n\n${prompt.text}` } : prompt;
  return { draft, replies: [...before, asked], effects: [] };
}

function goBack(draft: Draft, ctx: EngineContext, t: Catalogue): IntakeResult {
  if (DETOURS.includes(draft.step)) return show({ ...draft, step: draft.returnTo ?? 'consent', returnTo: undefined }, ctx);
  const previous = draft.history.at(-1);
  if (!previous) return show(draft, ctx, [], t.atStart);
  return show({ ...draft, step: previous, history: draft.history.slice(0, -1) }, ctx);
}

function toAnswer(message: InboundMessage): Answer | 'stale' {
  switch (message.kind) {
    case 'text':
      return { kind: 'text', text: cleanText(message.text ?? '') };
    case 'choice':
      return typeof message.choice === 'string' && message.choice.length <= 64 ? { kind: 'choice', value: message.choice } : 'stale';
    case 'media':
      if (!message.media) return { kind: 'unsupported' };
      return { kind: 'media', media: message.media, caption: message.text ? cleanText(message.text) : undefined };
    case 'location':
      return message.location ? { kind: 'location', ...message.location } : { kind: 'unsupported' };
    default:
      return { kind: 'unsupported' };
  }
}
