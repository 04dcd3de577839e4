import { z } from 'zod';
import { triageReport } from '../../triage/triage-report';
import { COURTESY_WORDS } from '../../language';
import { isDontKnow, parseYesNo } from '../answers';
import type { Catalogue } from '../catalogues/catalogue';
import type { Draft } from '../draft';
import { hintFor, optionStep, type Answer, type Step, type StepContext, type StepOutcome } from './step';

/** Words, not only emoji or punctuation: at least two letters or digits. */
export const MAX_STORY_LENGTH = 10_000;
export const DescriptionSchema = z
  .string()
  .max(MAX_STORY_LENGTH)
  .refine((s) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2);

const DEFAULT_MIME: Partial<Record<string, string>> = { photo: 'image/jpeg', voice: 'audio/ogg', video: 'video/mp4', audio: 'audio/mpeg' };

/** A file the reporter sent: checked against the allowed types, size and count, then stored by the service. */
export function acceptMedia(answer: Extract<Answer, { kind: 'media' }>, draft: Draft, ctx: StepContext, t: Catalogue): StepOutcome {
  const mimeType = (answer.media.mimeType ?? DEFAULT_MIME[answer.media.kind] ?? '').toLowerCase().split(';')[0]!.trim();
  if (!ctx.media.allowedTypes.includes(mimeType)) return { type: 'invalid', hint: t.media.wrongType };
  if (answer.media.size !== undefined && answer.media.size > ctx.media.maxBytes) {
    return { type: 'invalid', hint: t.media.tooLarge(Math.floor(ctx.media.maxBytes / (1024 * 1024))) };
  }
  if (draft.media.length >= ctx.media.maxFiles) return { type: 'invalid', hint: t.media.tooMany(ctx.media.maxFiles) };
  return {
    type: 'answered',
    answers: {},
    effects: [{ type: 'store_media', kind: answer.media.kind, mimeType, declaredSize: answer.media.size }],
    stay: true,
  };
}

/** "Go on" said without a yes (besides the courtesy words: addresses, particles, thanks). */
const GO_ON = new Set(['baik', 'baiklah', 'sudah', 'hallo', 'sip', 'lanjut', 'next', 'makasih', 'thank', 'you', 'ka', 'mba']);

/** A yes, a don't-know or a thank-you of a few words, naming no harm ("ya dipukul" is a story, however short). */
function isOnlyAnAnswer(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length > 3) return false;
  const said = parseYesNo(text) !== undefined || isDontKnow(text) || words.every((w) => GO_ON.has(w) || COURTESY_WORDS.has(w));
  return said && triageReport({ text }).category === 'lainnya';
}

export const descriptionStep: Step = {
  id: 'description',
  prompt: (_draft, _ctx, t) => ({ text: t.description }),
  accept(answer, draft, ctx, t) {
    if (answer.kind === 'media') {
      const stored = acceptMedia(answer, draft, ctx, t);
      // A caption of two words or more is the story ("memar di lengan"); one word ("rumahnya") is a label.
      const caption = answer.caption && answer.caption.trim().includes(' ') && DescriptionSchema.safeParse(answer.caption).success ? answer.caption : undefined;
      if (stored.type !== 'answered') return stored;
      // A caption with words is the description; otherwise ask for the words now.
      return caption
        ? { ...stored, answers: { description: caption }, stay: false }
        : { ...stored, then: { text: t.descriptionAfterMedia } };
    }
    if (answer.kind !== 'text') return { type: 'invalid', hint: hintFor(answer, t, t.hints.tooShort) };
    const parsed = DescriptionSchema.safeParse(answer.text);
    if (!parsed.success) return { type: 'invalid', hint: t.hints.tooShort };
    // "iya" / "ok kak" to "tell us what happened" says the story comes next: kept as the story, it would be the only
    // story, and the real one typed at the next question would be read as that question's answer.
    if (isOnlyAnAnswer(parsed.data)) return { type: 'invalid', hint: t.hints.storyPlease };
    return { type: 'answered', answers: { description: parsed.data } };
  },
};

const continueOptions = optionStep({
  id: 'more_media',
  text: (t) => t.moreMedia,
  options: (t) => [{ value: 'continue', label: t.options.continue, means: 'no', synonyms: ['lanjut', 'next', 'selesai', 'sudah', 'tidak ada', 'skip', 'lewati', 'done'] }],
  apply: () => ({}),
});

/** The optional point after the description where more files can be sent. */
export const moreMediaStep: Step = {
  ...continueOptions,
  accept(answer, draft, ctx, t) {
    if (answer.kind === 'media') return acceptMedia(answer, draft, ctx, t);
    return continueOptions.accept(answer, draft, ctx, t);
  },
};
