import { advanceIntake, type EngineContext, type IntakeResult } from '../../src/intake/advance-intake';
import { newDraft, type Draft, type DraftAnswers, type StepId } from '../../src/intake/draft';
import type { InboundMessage } from '../../src/intake/messages';
import { loadDistrict } from '../../src/districts/district';

// Drives the pure engine directly: a draft parked at a step, one message, the result.

export const NOW = new Date('2026-11-23T10:00:00Z');

export function engineContext(over: Partial<EngineContext> = {}): EngineContext {
  let n = 0;
  return {
    district: loadDistrict('mukomuko', '0737-123-456'),
    now: NOW,
    newDraftId: () => `draft-${++n}`,
    resumeAfterMinutes: 30,
    media: { maxBytes: 1024 * 1024, allowedTypes: ['image/jpeg', 'audio/ogg', 'application/pdf'], maxFiles: 3 },
    ...over,
  };
}

export function draftAt(step: StepId, answers: DraftAnswers = {}, over: Partial<Draft> = {}): Draft {
  return { ...newDraft({ id: 'd1', channel: 'telegram', chatId: '42', now: NOW }), step, answers, history: ['consent'], ...over };
}

export const text = (t: string): InboundMessage => ({ channel: 'telegram', chatId: '42', kind: 'text', text: t, receivedAt: NOW });
export const choice = (c: string): InboundMessage => ({ channel: 'telegram', chatId: '42', kind: 'choice', choice: c, receivedAt: NOW });
export const sticker = (): InboundMessage => ({ channel: 'telegram', chatId: '42', kind: 'unsupported', receivedAt: NOW });

export function send(draft: Draft | null, message: InboundMessage, ctx = engineContext()): IntakeResult {
  return advanceIntake(draft, message, ctx);
}

/** The step a result leaves the draft at, and its answers, for short assertions. */
export function landed(result: IntakeResult): { step: StepId | undefined; answers: DraftAnswers | undefined } {
  return { step: result.draft?.step, answers: result.draft?.answers };
}

/** The answer was refused: same step, nothing changed, one message with a hint above the question. */
export function expectRepeated(result: IntakeResult, before: Draft, hint: RegExp): void {
  expect(result.draft?.step).toBe(before.step);
  expect(result.draft?.answers).toEqual(before.answers);
  expect(result.effects).toEqual([]);
  expect(result.replies).toHaveLength(1);
  expect(result.replies[0]!.text).toMatch(hint);
}
