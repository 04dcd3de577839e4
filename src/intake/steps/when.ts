import { z } from 'zod';
import { readOngoing } from '../../language';
import { hintFor, optionStep, yesNoDontKnowOptions, type Step } from './step';

const WhenSchema = z.string().min(1).max(300).refine((s) => /[\p{L}\p{N}]/u.test(s));

export const whenStep: Step = {
  id: 'when',
  prompt: (_d, _c, t) => ({ text: t.when }),
  accept(answer, _draft, _ctx, t) {
    if (answer.kind !== 'text') return { type: 'invalid', hint: hintFor(answer, t, t.hints.textNeeded) };
    const when = WhenSchema.safeParse(answer.text);
    if (!when.success) return { type: 'invalid', hint: t.hints.textNeeded };
    return { type: 'answered', answers: { occurredWhen: when.data } };
  },
};

export const ongoingStep = optionStep({
  id: 'ongoing',
  text: (t) => t.ongoing,
  options: yesNoDontKnowOptions,
  apply: (v) => ({ ongoing: v }),
  read: readOngoing,
  hint: (t) => t.hints.yesNo,
  unread: 'unknown',
});
