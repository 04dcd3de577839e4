import { tokens } from '../../language';
import type { Catalogue } from '../catalogues/catalogue';
import type { Draft } from '../draft';
import { hintFor, optionStep, pickOption, type Step, type StepOption } from './step';

/** What the reporter is about to send, in their language, so they can check it before confirming. */
export function summarise(draft: Draft, t: Catalogue): string {
  const a = draft.answers;
  const s = t.summary;
  const yesNo = (v: string | boolean | undefined) =>
    v === true || v === 'yes' ? t.options.yes : v === false || v === 'no' ? t.options.no : v === 'unknown' ? t.options.dontKnow : s.notGiven;
  const child = [
    a.childName,
    a.childAge !== undefined ? s.age(a.childAge) : a.childAgeBand ? t.ageBands[a.childAgeBand] : undefined,
    a.childSex ? t.sexes[a.childSex] : undefined,
  ].filter(Boolean).join(', ');
  const place = [a.desa, a.kecamatan, a.placeType ? t.placeTypes[a.placeType] : undefined, a.exactLocation ? s.sharedLocation : undefined]
    .filter(Boolean).join(', ');
  const contact = a.anonymous ? t.contactMethods.none
    : a.contactMethod === 'other_number' ? `${t.contactMethods.other_number}: ${a.contactPhone ?? s.notGiven}`
    : a.contactMethod ? t.contactMethods[a.contactMethod] : s.notGiven;
  const lines: [string, string][] = [
    [s.danger, yesNo(a.danger)],
    [s.reporter, a.reporterRole ? t.reporterRoles[a.reporterRole] : s.notGiven],
    [s.anonymous, yesNo(a.anonymous)],
    [s.category, a.category ? t.categories[a.category] : s.notGiven],
    [s.description, a.description ?? s.notGiven],
    [s.media, String(draft.media.length)],
    [s.child, child || s.notGiven],
    [s.perpetrator, a.perpetratorRelation ? t.perpetrators[a.perpetratorRelation] : s.notGiven],
    [s.place, place || s.notGiven],
    [s.when, a.occurredWhen ?? s.notGiven],
    [s.ongoing, yesNo(a.ongoing)],
    [s.contact, contact],
  ];
  return lines.map(([k, v]) => `${k}: ${v}`).join('\n');
}

type ConfirmChoice = 'send' | 'back' | 'cancel' | 'details';
const confirmOptions = (t: Catalogue): StepOption<ConfirmChoice>[] => [
  { value: 'send', label: t.confirmOptions.send, means: 'yes', synonyms: ['kirim', 'send', 'submit'] },
  { value: 'back', label: t.confirmOptions.back, synonyms: ['ubah', 'edit', 'change'] },
  { value: 'cancel', label: t.confirmOptions.cancel, means: 'no' },
  // What the unit does not need in order to act, for a reporter who wants to give it.
  { value: 'details', label: t.confirmOptions.details, synonyms: ['detail', 'tambah', 'tambah detail', 'details', 'add details'] },
];

/** "kirim aja", "kirim sekarang bu", "mau ubah", "tambah detail dulu": the choice a sentence names, when only one. */
const CONFIRM_WORDS: Readonly<Record<ConfirmChoice, readonly string[]>> = {
  send: ['kirim', 'send', 'submit'], back: ['ubah', 'edit', 'ganti', 'change'], cancel: ['batalkan', 'hapus'], details: ['detail', 'tambah', 'details'],
};
function readConfirm(text: string): ConfirmChoice | undefined {
  const said = tokens(text);
  const named = (Object.keys(CONFIRM_WORDS) as ConfirmChoice[]).filter((c) => CONFIRM_WORDS[c].some((w) => said.includes(w)));
  return named.length === 1 ? named[0] : undefined;
}

const base = optionStep({
  id: 'confirm',
  text: (t) => t.confirm,
  options: confirmOptions,
  apply: () => ({}),
});

export const confirmStep: Step = {
  ...base,
  prompt: (draft, ctx, t) => {
    const shown = base.prompt(draft, ctx, t);
    return { ...shown, text: `${summarise(draft, t)}\n\n${t.confirm}` };
  },
  shortPrompt: base.prompt,
  accept(answer, _draft, _ctx, t) {
    const choice = pickOption(answer, confirmOptions, t, readConfirm);
    if (!choice) return { type: 'invalid', hint: hintFor(answer, t, t.hints.pickOption) };
    if (choice === 'details') return { type: 'answered', answers: { details: true } };
    return { type: 'action', action: choice === 'send' ? 'submit' : choice };
  },
};
