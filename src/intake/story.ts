import { readStory } from '../language';
import type { Catalogue } from './catalogues/catalogue';
import type { Draft, DraftAnswers } from './draft';
import type { StepContext } from './steps/step';
import { readCategoryAnswer } from './steps/category';
import { kecamatanIn } from './steps/place';

// A story told at any point before the story question, or as the answer to it: kept as the description, and what
// it already answers (category, age, sex, who did it, the kind of place, the kecamatan, still going on) filled in
// where nothing was answered yet, so those questions are not asked. The reporter sees what was taken and can
// change it in the summary before sending.

/** Words enough to be a story, not an answer ("iya setuju", "sy tetangganya"). */
const STORY_MIN_WORDS = 6;

export function isStory(text: string): boolean {
  const facts = readStory(text);
  // Harm happening now is a story however short: "tolong ada anak dipukuli sekarang".
  return facts.isStory && (facts.dangerNow || text.split(/\s+/).filter(Boolean).length >= STORY_MIN_WORDS);
}

/** The answers the story gives that the draft does not have yet (the description among them, when it has none). */
export function answersFromStory(text: string, draft: Draft, ctx: StepContext): Partial<DraftAnswers> {
  const kecamatan = kecamatanIn(ctx.district, text);
  // The kecamatan is a name, not a description of the place: "di rumah di Pondok Suguh" is a home, not a pondok
  // (school), and "Sungai Rumbai" no river bank.
  const facts = readStory(kecamatan ? withoutName(text, kecamatan) : text);
  const a = draft.answers;
  const found: Partial<DraftAnswers> = {
    description: a.description === undefined ? text : undefined,
    // The harm words triage reads too ("dikunci di kamar … minta makan"): what the category question would make of it.
    category: a.category === undefined ? facts.category ?? readCategoryAnswer(text) : undefined,
    childAge: a.childAgeBand === undefined && facts.age?.band !== 'adult' ? facts.age?.age : undefined,
    childAgeBand: a.childAgeBand === undefined && facts.age && facts.age.band !== 'adult' ? facts.age.band : undefined,
    childSex: a.childSex === undefined ? facts.sex : undefined,
    perpetratorRelation: a.perpetratorRelation === undefined ? facts.perpetrator : undefined,
    placeType: a.placeType === undefined ? facts.place : undefined,
    reporterRole: a.reporterRole === undefined ? facts.reporterRole : undefined,
    kecamatan: a.kecamatan === undefined ? kecamatan : undefined,
    ongoing: a.ongoing === undefined ? facts.ongoing : undefined,
    occurredWhen: a.occurredWhen === undefined ? facts.when : undefined,
    desa: a.desa === undefined ? facts.desa : undefined,
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

/** The text with a place's name taken out, however it is capitalised or spaced ("pondok  suguh", "Pondok-Suguh"). */
function withoutName(text: string, name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'giu'), ' ');
}

/** "Dari cerita Anda, kami catat: …" for the answers a story gave (the description itself not repeated). */
export function understoodMessage(found: Partial<DraftAnswers>, t: Catalogue): string | undefined {
  const s = t.summary;
  const lines = [
    found.category && `${s.category}: ${t.categories[found.category]}`,
    found.childAgeBand && `${s.child}: ${found.childAge !== undefined ? s.age(found.childAge) : t.ageBands[found.childAgeBand]}`,
    found.childSex && `${s.child}: ${t.sexes[found.childSex]}`,
    found.perpetratorRelation && `${s.perpetrator}: ${t.perpetrators[found.perpetratorRelation]}`,
    found.placeType && `${s.place}: ${t.placeTypes[found.placeType]}`,
    found.kecamatan && `${s.place}: ${found.kecamatan}`,
    found.desa && `${s.place}: ${found.desa}`,
    found.occurredWhen && `${s.when}: ${found.occurredWhen}`,
    found.reporterRole && `${s.reporter}: ${t.reporterRoles[found.reporterRole]}`,
    found.ongoing === 'yes' && `${s.ongoing}: ${t.options.yes}`,
  ].filter((line): line is string => typeof line === 'string');
  return lines.length ? t.understood(lines.map((l) => `- ${l}`).join('\n')) : undefined;
}
