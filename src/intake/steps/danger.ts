import type { District } from '../../districts/district';
import { answersStillInDanger, hearsDangerNow, isOnlyAPlea } from '../../language';
import type { Catalogue } from '../catalogues/catalogue';
import type { OutboundMessage } from '../messages';
import { movedOn, optionStep, yesNoDontKnowOptions, type Step } from './step';

const base = optionStep({
  id: 'danger',
  text: (t) => t.danger,
  options: yesNoDontKnowOptions,
  apply: (v) => ({ danger: v }),
  // "iya bu tolong anaknya lg dipukulin bapaknya skrg": harm happening now is a yes, however it is said; so is a bare
  // "tolong" to this question.
  read: (text) => (hearsDangerNow(text) || isOnlyAPlea(text) || answersStillInDanger(text) ? 'yes' : undefined),
  hint: (t) => t.hints.yesNo,
  unread: 'unknown',
});

/** Immediate danger: a "yes" puts the emergency contacts first, before anything else is asked, and alerts on-call. */
export const dangerStep: Step = {
  ...base,
  accept(answer, draft, ctx, t) {
    const outcome = base.accept(answer, draft, ctx, t);
    if (outcome.type !== 'answered' || outcome.answers.danger !== 'yes') return outcome;
    return {
      ...outcome,
      before: [emergencyMessage(ctx.district, t)],
      effects: draft.urgentAlerted ? [] : [{ type: 'urgent_alert', draftId: draft.id }],
    };
  },
  // Whoever cannot say whether the child is safe is given the emergency numbers anyway, then the next question.
  whenUnread(_draft, ctx, t) {
    const unknown = movedOn({ danger: 'unknown' }, t);
    return { ...unknown, before: [emergencyMessage(ctx.district, t), ...(unknown.before ?? [])] };
  },
};

export function emergencyMessage(district: District, t: Catalogue): OutboundMessage {
  const lines = district.emergencyContacts.map((c) => `${c.label}: ${c.number}`);
  if (district.onCallPhone) lines.push(`${district.unitShortName}: ${district.onCallPhone}`);
  return { text: t.emergency(lines.join('\n')), urgent: true };
}
