import type { Draft, StepId } from './draft';

// The order of the questions, and which are still needed: a question the reporter (or their story) already answered
// is not asked again. What the unit does not need to act (the child's name, the desa, a shared location, the exact
// time) is not asked before the ticket; those steps stay reachable (a story may fill them, `kembali` may visit them).
// A reporter who opens with the story has told what happened already: of what it left out, only what the unit needs
// to act is asked before the ticket (consent, danger, the child's age, the kecamatan, whether it still goes on, how to
// reach them); who they are to the child, who did it and the kind of place become optional detail for them too. That
// keeps them within six answers after the story (issue 12) whatever their story left out.

type Needed = (draft: Draft) => boolean;

const isAdult = (d: Draft) => d.answers.adultReferral === true;
const never: Needed = () => false;
/** An optional detail: asked only when the reporter chose "add details" at the summary, and not given yet. */
const detail = (key: 'childName' | 'desa' | 'exactLocation' | 'occurredWhen'): Needed => (d) => d.answers.details === true && d.answers[key] === undefined;
/** The reporter opened with the story (the first message, or told at the notice) and never answered the story question. */
const toldStoryFirst = (d: Draft): boolean => d.openedWithStory === true && !d.history.includes('description');
/** Asked of everyone who tells the story when asked; optional detail for whoever opened with it. */
const unlessStoryFirst = (key: 'reporterRole' | 'perpetratorRelation' | 'placeType'): Needed => (d) =>
  d.answers[key] === undefined && (!toldStoryFirst(d) || d.answers.details === true);

const FLOW: readonly (readonly [StepId, Needed])[] = [
  ['consent', (d) => d.answers.consent === undefined],
  ['danger', (d) => d.answers.danger === undefined],
  ['reporter_role', unlessStoryFirst('reporterRole')],
  // Anonymity is one of the contact choices now; the step stays for drafts parked on it.
  ['anonymous', never],
  ['description', (d) => d.answers.description === undefined],
  ['more_media', never],
  ['category', (d) => d.answers.category === undefined],
  ['child_age', (d) => d.answers.childAgeBand === undefined && d.answers.adultAge === undefined],
  ['adult_check', (d) => d.answers.adultAge !== undefined && d.answers.adultReferral === undefined],
  ['child_sex', (d) => d.answers.childSex === undefined && !isAdult(d)],
  ['child_name', detail('childName')],
  ['perpetrator', (d) => unlessStoryFirst('perpetratorRelation')(d) && !isAdult(d)],
  ['kecamatan', (d) => d.answers.kecamatan === undefined],
  ['desa', detail('desa')],
  ['place_type', (d) => unlessStoryFirst('placeType')(d) && !isAdult(d)],
  ['location', detail('exactLocation')],
  ['when', detail('occurredWhen')],
  // Danger now is going on now: asked only when danger was not.
  ['ongoing', (d) => d.answers.ongoing === undefined && d.answers.danger !== 'yes' && !isAdult(d)],
  ['contact', (d) => d.answers.contactMethod === undefined && !d.answers.anonymous],
  ['contact_phone', (d) => d.answers.contactMethod === 'other_number' && !d.answers.contactPhone && !d.answers.anonymous],
  ['confirm', () => true],
];

/** The next question after `after` that still needs an answer; a detour step or the summary continue from the start. */
export function nextStep(draft: Draft, after: StepId): StepId {
  // From the summary ("add details") the flow starts over, asking only what is still needed.
  const from = after === 'confirm' ? -1 : FLOW.findIndex(([id]) => id === after);
  return FLOW.slice(from + 1).find(([, needed]) => needed(draft))?.[0] ?? 'confirm';
}

/** Whether the step comes before the story in the flow: a story told there is kept as the description. */
export function isBeforeStory(step: StepId): boolean {
  const at = FLOW.findIndex(([id]) => id === step);
  return at >= 0 && at < FLOW.findIndex(([id]) => id === 'description');
}
