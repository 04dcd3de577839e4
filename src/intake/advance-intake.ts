import { hearsDangerNow, inOneTurn, readLanguageName } from '../language';
import { cleanText, matchKey, parseYesNo } from './answers';
import type { Catalogue } from './catalogues/catalogue';
import { catalogueFor } from './catalogues/catalogue-for';
import { newDraft, type Draft, type DraftAnswers, type StepId } from './draft';
import type { IntakeEffect } from './effects';
import type { InboundMessage, OutboundMessage } from './messages';
import { emergencyMessage } from './steps/danger';
import { acceptMedia, MAX_STORY_LENGTH } from './steps/description';
import { isBeforeStory, nextStep } from './flow';
import { STEPS } from './steps/registry';
import type { Answer, StepContext, StepOutcome } from './steps/step';
import { answersFromStory, isStory, understoodMessage } from './story';

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
const DETOURS: readonly StepId[] = ['resume', 'language', 'cancel_check'];
/** Steps that take files themselves. */
const TAKES_MEDIA: readonly StepId[] = ['description', 'more_media'];

export function advanceIntake(current: Draft | null, message: InboundMessage, ctx: EngineContext): IntakeResult {
  // One turn: the message is read once, and danger, the story and the step's reader share that reading.
  return inOneTurn(() => advance(current, message, ctx));
}

function advance(current: Draft | null, message: InboundMessage, ctx: EngineContext): IntakeResult {
  const text = message.kind === 'text' ? cleanText(message.text ?? '') : undefined;
  const word = text !== undefined ? GLOBAL_WORDS[matchKey(text)] : undefined;
  if (!current) return withoutDraft(word, message, text, ctx);

  const draft: Draft = { ...current, updatedAt: ctx.now.toISOString() };
  const t = catalogueFor(draft.language);
  const idleMs = ctx.now.getTime() - Date.parse(current.updatedAt);
  const canResume = draft.step !== 'consent' && !DETOURS.includes(draft.step);
  if (canResume && (word === 'start' || idleMs > ctx.resumeAfterMinutes * 60_000)) {
    return show({ ...draft, step: 'resume', returnTo: draft.step }, ctx);
  }

  switch (word) {
    case 'cancel':
      return cancel(draft, ctx, t);
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

  // "english", "bahasa inggris" at any question: the language changes and the same question is asked in it.
  const language = text !== undefined && draft.step !== 'language' ? readLanguageName(text) : undefined;
  if (language) return show({ ...draft, language }, ctx);

  const heard = hearDanger(draft, text, ctx);
  const result = answerStep(heard.draft, message, ctx, heard.before.length > 0);
  return { ...result, replies: [...heard.before, ...result.replies], effects: [...heard.effects, ...result.effects] };
}

/**
 * Danger is heard in any message, not only at the danger question: harm happening now brings the emergency numbers
 * at once, marks the draft urgent and alerts on-call, as a "yes" at the danger question does; then the message is
 * taken as the answer it also is.
 */
function hearDanger(draft: Draft, text: string | undefined, ctx: EngineContext): { draft: Draft; before: OutboundMessage[]; effects: IntakeEffect[] } {
  if (text === undefined || draft.step === 'danger' || draft.urgentAlerted || !hearsDangerNow(text)) return { draft, before: [], effects: [] };
  return {
    draft: { ...draft, urgentAlerted: true, answers: { ...draft.answers, danger: 'yes' } },
    before: [emergencyMessage(ctx.district, catalogueFor(draft.language))],
    effects: [{ type: 'urgent_alert', draftId: draft.id }],
  };
}

function answerStep(before: Draft, message: InboundMessage, ctx: EngineContext, dangerShown: boolean): IntakeResult {
  const t = catalogueFor(before.language);
  const answer = toAnswer(message);
  if (answer === 'stale') return show(before, ctx, [], t.hints.staleButton);
  if (answer.kind === 'choice' && !answer.value.startsWith(`${before.step}:`)) return show(before, ctx, [], t.hints.staleButton);
  const stepAnswer: Answer = answer.kind === 'choice' ? { kind: 'choice', value: answer.value.slice(before.step.length + 1) } : answer;

  // A story told before the story question is kept, and what it answers is not asked again.
  const story = stepAnswer.kind === 'text' && isBeforeStory(before.step) && isStory(stepAnswer.text)
    ? answersFromStory(stepAnswer.text, before, ctx)
    : {};
  const more = stepAnswer.kind === 'text' ? moreOfTheStory(before, stepAnswer.text) : {};
  // Told at the notice, before any question: the reporter opened with it (see flow.ts).
  const opened = before.step === 'consent' && story.description !== undefined ? { openedWithStory: true } : {};
  const draft: Draft = { ...before, ...opened, answers: { ...before.answers, ...story, ...more } };
  // At the notice, a story instead of a yes: kept, and the notice asked again (agreement is never assumed).
  if (draft.step === 'consent' && story.description !== undefined && !saysYesOrNo(stepAnswer)) return show(draft, ctx);

  const step = STEPS[draft.step];
  // Files are welcome at any question once the story is told (there is no separate "more files?" question any more):
  // kept, counted, and the same question asked again.
  const outcome = stepAnswer.kind === 'media' && draft.answers.description !== undefined && !TAKES_MEDIA.includes(draft.step)
    ? acceptMedia(stepAnswer, draft, ctx, t)
    : step.accept(stepAnswer, draft, ctx, t);
  switch (outcome.type) {
    case 'invalid': {
      // After the emergency numbers, the question again without a reproach.
      const hint = dangerShown ? undefined : outcome.hint;
      // Only words count as a try: a sticker or a row of emoji changes nothing, however many are sent.
      if (stepAnswer.kind !== 'text' || matchKey(stepAnswer.text) === '') return show(draft, ctx, [], hint);
      const unread = { step: draft.step, count: draft.unread?.step === draft.step ? draft.unread.count + 1 : 1 };
      // Asked once more at most: a reporter is never kept going round one question.
      if (unread.count >= 2 && step.whenUnread) return answered(draft, step.whenUnread(draft, ctx, t), story, ctx);
      return show({ ...draft, unread }, ctx, [], hint);
    }
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
          return cancel(draft, ctx, t);
        case 'continue':
          return show({ ...draft, step: draft.returnTo ?? 'consent', returnTo: undefined }, ctx);
        case 'restart': {
          const fresh = newDraft({ id: ctx.newDraftId(), channel: draft.channel, chatId: draft.chatId, now: ctx.now, language: draft.language });
          return { ...show(fresh, ctx), effects: [{ type: 'forget_draft' }] };
        }
      }
      break;
    case 'answered':
      return answered(draft, outcome, story, ctx);
  }
  return show(draft, ctx);
}

function answered(
  draft: Draft,
  outcome: Extract<StepOutcome, { type: 'answered' }>,
  story: Partial<DraftAnswers>,
  ctx: EngineContext,
): IntakeResult {
  const effects = outcome.effects ?? [];
  let next: Draft = { ...draft, unread: undefined, answers: { ...draft.answers, ...outcome.answers } };
  // The story question answered (in words, or a file's caption): what the story also says is taken too.
  const told = draft.step === 'description' && outcome.answers.description !== undefined
    ? answersFromStory(outcome.answers.description, next, ctx)
    : {};
  next = { ...next, answers: { ...next.answers, ...told } };
  if (effects.some((e) => e.type === 'urgent_alert')) next.urgentAlerted = true;
  if (!outcome.stay) next = { ...next, step: nextStep(next, draft.step), history: [...draft.history, draft.step] };
  const t = catalogueFor(next.language);
  const noted = understoodMessage(noticeOf(draft, next, { ...story, ...told }), t);
  const prompt = outcome.then ?? STEPS[next.step].prompt(next, ctx, t);
  return { draft: next, replies: [...(outcome.before ?? []), ...(noted ? [{ text: noted }] : []), prompt], effects };
}

/** What to show as taken from the story: everything it gave once consent is given, and what a later story adds. */
function noticeOf(before: Draft, after: Draft, fromStory: Partial<DraftAnswers>): Partial<DraftAnswers> {
  if (before.step === 'consent' && after.answers.description !== undefined) {
    const { consent: _consent, danger: _danger, description: _description, ...rest } = after.answers;
    return rest;
  }
  return before.step === 'consent' ? {} : fromStory;
}

/**
 * More of the story typed at a later question ("bapaknya, tiap malam dia pulang mabuk dan mukulin anak itu") is added
 * to the story, whatever the question makes of it: a story is never dropped for a step's answer.
 */
function moreOfTheStory(draft: Draft, text: string): Partial<DraftAnswers> {
  const told = draft.answers.description;
  if (told === undefined || draft.step === 'description' || !isStory(text) || told.includes(text)) return {};
  const longer = `${told}\n\n${text}`;
  return longer.length <= MAX_STORY_LENGTH ? { description: longer } : {};
}

function saysYesOrNo(answer: Answer): boolean {
  return answer.kind === 'text' && parseYesNo(answer.text) !== undefined;
}

/** `batal`: at once when no story has been told; otherwise the reporter confirms first, a story is never lost to one word. */
function cancel(draft: Draft, ctx: EngineContext, t: Catalogue): IntakeResult {
  if (draft.step === 'cancel_check' || draft.answers.description === undefined) {
    return { draft: null, replies: [{ text: t.cancelled }], effects: [{ type: 'forget_draft' }] };
  }
  return show({ ...draft, step: 'cancel_check', returnTo: DETOURS.includes(draft.step) ? draft.returnTo : draft.step }, ctx);
}

/** Where a message lands when the chat has no draft: most messages start one with the greeting. */
function withoutDraft(word: GlobalWord | undefined, message: InboundMessage, text: string | undefined, ctx: EngineContext): IntakeResult {
  const t = catalogueFor('id');
  if (word === 'status') return { draft: null, replies: [{ text: t.status.startHint }], effects: [{ type: 'list_status' }] };
  if (word === 'help') return { draft: null, replies: [{ text: `${t.help}\n\n${t.status.startHint}` }], effects: [] };
  if (word === 'cancel') return { draft: null, replies: [{ text: t.nothingToCancel }], effects: [] };
  const language = text !== undefined ? readLanguageName(text) : undefined;
  const draft = newDraft({ id: ctx.newDraftId(), channel: message.channel, chatId: message.chatId, now: ctx.now, language });
  if (word === 'emergency') return show(draft, ctx, [emergencyMessage(ctx.district, t)]);
  if (word === 'language') return show({ ...draft, step: 'language', returnTo: 'consent' }, ctx);
  // The first message counts: a story is kept before the notice, and danger in it is heard at once.
  const heard = hearDanger(draft, text, ctx);
  const story = text !== undefined && isStory(text) ? answersFromStory(text, heard.draft, ctx) : {};
  const opened = story.description !== undefined ? { openedWithStory: true } : {};
  const started = { ...heard.draft, ...opened, answers: { ...heard.draft.answers, ...story } };
  return { ...show(started, ctx, heard.before), effects: heard.effects };
}

/** The draft's current question again, with a hint above it: for the service when an effect could not be done. */
export function askAgain(draft: Draft, ctx: EngineContext, hint: string): OutboundMessage[] {
  return show(draft, ctx, [], hint).replies;
}

/** The draft's current step asked (again), after any messages given; under a hint, the short form of the question. */
function show(draft: Draft, ctx: EngineContext, before: OutboundMessage[] = [], hint?: string): IntakeResult {
  const step = STEPS[draft.step];
  const t = catalogueFor(draft.language);
  const prompt = (hint && step.shortPrompt ? step.shortPrompt : step.prompt)(draft, ctx, t);
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
